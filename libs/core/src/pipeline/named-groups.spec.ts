import { describe, expect, it } from '@jest/globals';
import { compileNamedGroups } from './named-groups.js';

describe('compileNamedGroups', () => {
  const hostAndEnv = compileNamedGroups('(?P<host>[^.]+)\\.(?P<env>[a-z]+)\\.');

  it('gives the named groups of the leftmost match, in the order the pattern names them', () => {
    expect(hostAndEnv('api-7.prod.example.internal')).toEqual([
      ['host', 'api-7'],
      ['env', 'prod'],
    ]);
  });

  it('gives null when nothing matches, and leaves out a group that took no part', () => {
    expect(hostAndEnv('no-dots-here')).toBeNull();
    const optional = compileNamedGroups('^(?P<service>[a-z]+)(-(?P<node>\\d+))?$');
    expect(optional('api')).toEqual([['service', 'api']]);
    expect(optional('api-7')).toEqual([
      ['service', 'api'],
      ['node', '7'],
    ]);
  });

  it('matches anywhere in the value, and cuts groups out of text beyond ASCII', () => {
    const quoted = compileNamedGroups('«(?P<word>[^»]+)»');
    expect(quoted('😀 said «héllo» twice')).toEqual([['word', 'héllo']]);
  });

  it('leaves out unnamed groups', () => {
    expect(compileNamedGroups('(a+)(?P<tail>b+)')('xaabb')).toEqual([['tail', 'bb']]);
  });
});
