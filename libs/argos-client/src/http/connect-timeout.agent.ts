import * as http from 'node:http';
import * as net from 'node:net';
import * as tls from 'node:tls';

/** `code` of the error a socket is destroyed with when it does not connect in time. */
export const CONNECT_TIMEOUT_CODE = 'ARGOS_CONNECT_TIMEOUT';

/**
 * Gives an agent a connect timeout. Node only has an idle-socket timeout, which would also fire while
 * Argos legitimately takes its time to answer; this one only covers TCP connect (and the TLS handshake
 * for HTTPS), so a timeout here proves no request byte was sent and even a POST may be retried.
 */
export function withConnectTimeout<A extends http.Agent>(agent: A, connectMs: number): A {
  const createConnection = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    const socket = createConnection(options, callback);
    if (socket instanceof net.Socket) guardConnect(socket, connectMs);
    return socket;
  };
  return agent;
}

/** Destroys `socket` with a {@link CONNECT_TIMEOUT_CODE} error unless it is ready within `connectMs`. */
export function guardConnect(socket: net.Socket, connectMs: number): void {
  const readyEvent = socket instanceof tls.TLSSocket ? 'secureConnect' : 'connect';
  const timer = setTimeout(() => {
    socket.destroy(
      Object.assign(new Error(`connect timeout after ${connectMs} ms`), { code: CONNECT_TIMEOUT_CODE }),
    );
  }, connectMs);
  const clear = (): void => clearTimeout(timer);
  socket.once(readyEvent, clear);
  socket.once('close', clear);
}
