import { LoggerService } from '@nestjs/common';
import { BootstrapQuietLogger } from './bootstrap-quiet.logger';

describe('BootstrapQuietLogger', () => {
  const calls: [string, unknown[]][] = [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      calls.push([level, args]);
  const inner: LoggerService = {
    log: record('log'),
    error: record('error'),
    warn: record('warn'),
    debug: record('debug'),
    verbose: record('verbose'),
    fatal: record('fatal'),
  };
  const logger = new BootstrapQuietLogger(inner);
  beforeEach(() => (calls.length = 0));

  it("moves Nest's wiring lines to debug, keeping message and context", () => {
    logger.log('Mapped {/health, GET} route', 'RouterExplorer');
    logger.log('HealthController {/health}:', 'RoutesResolver');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Starting Nest application...', 'NestFactory');
    expect(calls).toEqual([
      ['debug', ['Mapped {/health, GET} route', 'RouterExplorer']],
      ['debug', ['HealthController {/health}:', 'RoutesResolver']],
      ['debug', ['AppModule dependencies initialized', 'InstanceLoader']],
      ['debug', ['Starting Nest application...', 'NestFactory']],
    ]);
  });

  it('forwards every other line at its own level', () => {
    logger.log('Nest application successfully started', 'NestApplication');
    logger.log({ msg: 'request completed', statusCode: 200 });
    logger.warn('slow', 'RouterExplorer');
    logger.error('boom', 'stack', 'InstanceLoader');
    logger.fatal('down');
    expect(calls.map(([level]) => level)).toEqual(['log', 'log', 'warn', 'error', 'fatal']);
    expect(calls[1][1]).toEqual([{ msg: 'request completed', statusCode: 200 }]);
  });
});
