import { addressRefusal, TargetPolicy } from './target-policy';

const PRODUCTION = { allowPrivateTargets: false, requireHttps: true };
const DEVELOPMENT = { allowPrivateTargets: true, requireHttps: false };
const resolvingTo =
  (...addresses: string[]) =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('TargetPolicy', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
  ])('refuses the internal address %s in production, allows it in development', (address) => {
    expect(addressRefusal(address, false)).toBe('loopback, private, link-local or shared address');
    expect(addressRefusal(address, true)).toBeNull();
  });

  it.each(['0.0.0.0', '224.0.0.1', '255.255.255.255', '::', 'ff02::1'])(
    'refuses %s in every mode',
    (address) => {
      expect(addressRefusal(address, true)).toBe('unspecified, multicast or reserved address');
    },
  );

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '100.128.0.1', '172.32.0.1'])(
    'allows the public address %s',
    (address) => {
      expect(addressRefusal(address, false)).toBeNull();
    },
  );

  it('in production: https only, every resolved address checked, the checked address pinned', async () => {
    const policy = new TargetPolicy(PRODUCTION, resolvingTo('93.184.215.14'));
    await expect(policy.check('http://example.test/')).resolves.toEqual({
      allowed: false,
      reason: 'plain http is not allowed (requireHttps)',
    });
    await expect(policy.check('https://example.test/hooks')).resolves.toMatchObject({
      allowed: true,
      target: { address: '93.184.215.14', family: 4 },
    });
    const split = new TargetPolicy(PRODUCTION, resolvingTo('93.184.215.14', '10.1.2.3'));
    await expect(split.check('https://example.test/')).resolves.toMatchObject({ allowed: false });
    await expect(policy.check('https://[::1]/')).resolves.toMatchObject({ allowed: false });
    await expect(policy.check('https://user:pw@example.test/')).resolves.toMatchObject({ allowed: false });
    await expect(policy.check('ftp://example.test/')).resolves.toMatchObject({ allowed: false });
  });

  it('refuses https://localhost in production through the system resolver', async () => {
    await expect(new TargetPolicy(PRODUCTION).check('https://localhost/')).resolves.toMatchObject({
      allowed: false,
      reason: 'loopback, private, link-local or shared address refused',
    });
  });

  it('allows plain http to loopback in development', async () => {
    await expect(new TargetPolicy(DEVELOPMENT).check('http://127.0.0.1:8080/')).resolves.toMatchObject({
      allowed: true,
      target: { address: '127.0.0.1' },
    });
  });
});
