import { BaseEnv } from './base-env';
import { ConfigError, loadConfig } from './load-config';

describe('TRUSTED_PROXIES', () => {
  const load = (value: string | undefined): BaseEnv =>
    loadConfig(BaseEnv, {}, { NODE_ENV: 'test', ...(value === undefined ? {} : { TRUSTED_PROXIES: value }) });

  it('trusts no proxy by default', () => {
    expect(load(undefined).TRUSTED_PROXIES).toBe('');
  });

  it.each(['10.0.0.0/8', '10.0.0.0/8, 192.168.1.7', '::1/128,fd00::/8', 'loopback', '127.0.0.1'])(
    'accepts %s',
    (value) => {
      expect(load(value).TRUSTED_PROXIES).toBe(value);
    },
  );

  it.each(['*', 'true', '10.0.0.0/33', '::1/129', 'lb.internal', '10.0.0.0/8;10.1.0.0/16', '10.0.0.0/8/1'])(
    'refuses %s naming the variable',
    (value) => {
      expect(() => load(value)).toThrow(ConfigError);
      expect(() => load(value)).toThrow(/TRUSTED_PROXIES/);
    },
  );
});
