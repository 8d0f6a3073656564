import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

interface NestProject {
  type: 'application' | 'library';
  root: string;
  sourceRoot: string;
}

function folders(parent: string): string[] {
  return readdirSync(join(ROOT, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${parent}/${entry.name}`);
}

describe('nest-cli.json', () => {
  const nestCli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as {
    monorepo: boolean;
    sourceRoot: string;
    projects: Record<string, NestProject>;
  };

  it('describes every app, library and plugin folder as a project, and nothing else', () => {
    const projects = Object.values(nestCli.projects);
    const described = (type: NestProject['type']) =>
      projects.filter((project) => project.type === type).map((project) => project.root);
    expect(nestCli.monorepo).toBe(true);
    expect(described('application').sort()).toEqual(folders('apps').sort());
    expect(described('library').sort()).toEqual([...folders('libs'), ...folders('plugins')].sort());
    for (const project of projects) expect(project.sourceRoot).toBe(`${project.root}/src`);
  });

  it('builds and starts the server by default', () => {
    expect(nestCli.sourceRoot).toBe('apps/server/src');
  });
});
