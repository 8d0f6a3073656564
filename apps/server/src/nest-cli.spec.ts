import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** An app Vite builds (the console) is no Nest project. */
function isViteApp(folder: string): boolean {
  return existsSync(join(ROOT, folder, 'vite.config.ts'));
}

/** What a plugin copied by hand lacks, said as the entry to add (`npm run new-plugin` adds it). */
function missingPluginProject(folder: string): string {
  const id = folder.slice('plugins/'.length);
  const project = {
    type: 'library',
    root: folder,
    sourceRoot: `${folder}/src`,
    entryFile: 'index',
  };
  return `nest-cli.json "projects" lacks ${folder}: add "plugin-${id}": ${JSON.stringify(project)}`;
}

describe('nest-cli.json', () => {
  const nestCli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as {
    monorepo: boolean;
    sourceRoot: string;
    projects: Record<string, NestProject>;
  };

  it('describes every plugin folder as a project', () => {
    const roots = new Set(Object.values(nestCli.projects).map((project) => project.root));
    const missing = folders('plugins').filter((folder) => !roots.has(folder));
    expect(missing.map(missingPluginProject)).toEqual([]);
  });

  it('describes every app, library and plugin folder as a project, and nothing else', () => {
    const projects = Object.values(nestCli.projects);
    const described = (type: NestProject['type']) =>
      projects.filter((project) => project.type === type).map((project) => project.root);
    expect(nestCli.monorepo).toBe(true);
    expect(described('application').sort()).toEqual(
      folders('apps')
        .filter((folder) => !isViteApp(folder))
        .sort(),
    );
    expect(described('library').sort()).toEqual([...folders('libs'), ...folders('plugins')].sort());
    for (const project of projects) expect(project.sourceRoot).toBe(`${project.root}/src`);
  });

  it('builds and starts the server by default', () => {
    expect(nestCli.sourceRoot).toBe('apps/server/src');
  });
});
