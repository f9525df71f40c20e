import { ConfigError } from './config.error';
import { readTrustProxy } from './trust-proxy.config';

const read = (value: string | undefined) => readTrustProxy(value);

describe('TRUST_PROXY', () => {
  it.each<[string | undefined, unknown]>([
    [undefined, false],
    ['false', false],
    ['true', ['loopback', 'linklocal', 'uniquelocal']],
    ['loopback,10.1.2.3', ['loopback', '10.1.2.3']],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, 192.168.1.0/24', ['10.0.0.0/8', '192.168.1.0/24']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
  ])('reads %p as %p (never "trust every hop")', (value, expected) => {
    expect(read(value)).toEqual(expected);
  });

  it.each(['maybe', '0', '11', '10.0.0.0/33', '::1/129', '10.0.0.1/8/1', 'proxy.example.com', '10.0.0.1,'])(
    'refuses %p naming the setting',
    (value) => {
      expect(() => read(value)).toThrow(ConfigError);
      expect(() => read(value)).toThrow(/TRUST_PROXY/);
    },
  );
});
