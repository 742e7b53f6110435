/**
 * electron-builder.yml's file associations, read as electron-builder reads them (the installers cannot be
 * built here: Electron cannot be downloaded). On Linux every fileAssociations entry with a mimeType (the
 * top-level list and linux's, concatenated) is both listed in the .desktop file's MimeType and installed as a
 * shared-mime-info definition of that type with a *.ext glob; linux.mimeTypes are listed only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Association {
  ext: string | string[];
  mimeType?: string;
}
interface BuilderConfig {
  fileAssociations?: Association[];
  linux?: { fileAssociations?: Association[]; mimeTypes?: string[] };
  mac?: { fileAssociations?: Association[] };
}

const root = join(__dirname, '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const linuxAssociations = [...(config.fileAssociations ?? []), ...(config.linux?.fileAssociations ?? [])];
const exts = (a: Association) => (Array.isArray(a.ext) ? a.ext : [a.ext]);

/** The types electron-builder's Linux packages define (mime package) and list (.desktop MimeType). */
const definedOnLinux = linuxAssociations.filter((a) => a.mimeType).map((a) => ({ type: a.mimeType!, exts: exts(a) }));
const desktopMimeTypes = [...(config.linux?.mimeTypes ?? []), ...definedOnLinux.map((d) => d.type)];

/** What the app imports, with the types a Linux desktop gives those files (shared-mime-info, and WPS Office's own). */
const IMPORTED: Record<string, string[]> = {
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  doc: ['application/msword'],
  wps: ['application/vnd.ms-works', 'application/wps-office.wps'],
  txt: ['text/plain'],
};

describe('Linux file associations', () => {
  it('define only the app’s own type: Word, WPS and text types are never redefined', () => {
    // A second definition with a *.wps glob gives .wps two types on a machine without WPS.
    expect(definedOnLinux).toEqual([{ type: 'application/x-nianbao', exts: ['nianbao'] }]);
  });

  it('offer the app for every type of every file it imports, with or without WPS installed', () => {
    for (const [ext, types] of Object.entries(IMPORTED))
      for (const type of types) expect(desktopMimeTypes, `.${ext}`).toContain(type);
    expect(desktopMimeTypes).toContain('application/x-nianbao');
    expect(new Set(desktopMimeTypes).size).toBe(desktopMimeTypes.length);
  });
});

describe('Windows and macOS', () => {
  it('offer the same files under 打开方式, never as their default program', () => {
    // Top-level associations become Windows' default ProgIDs: only the app's own reports.
    expect((config.fileAssociations ?? []).flatMap(exts)).toEqual(['nianbao']);
    const nsis = readFileSync(join(root, 'build', 'installer.nsh'), 'utf8');
    const openWith = [...nsis.matchAll(/!insertmacro nianbaoOpenWith "\.(\w+)"/g)].map((m) => m[1]);
    const noOpenWith = [...nsis.matchAll(/!insertmacro nianbaoNoOpenWith "\.(\w+)"/g)].map((m) => m[1]);
    expect(openWith.sort()).toEqual(Object.keys(IMPORTED).sort());
    expect(noOpenWith.sort()).toEqual(Object.keys(IMPORTED).sort());
    expect((config.mac?.fileAssociations ?? []).flatMap(exts).sort()).toEqual(Object.keys(IMPORTED).sort());
  });
});
