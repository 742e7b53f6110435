/**
 * Font profiles for the export (shared/spec/format.md, "Fonts on the clerk's machine"). The official 公文
 * fonts are licensed and not on every PC, so the clerk picks the set their machine has; none is embedded.
 */

export type FontProfileId = 'gb2312' | 'windows' | 'kylin';

export interface FontProfile {
  id: FontProfileId;
  name: string;
  /** 标题 (GB/T 9704 7.3.1: 2号小标宋体字). */
  title: string;
  /** 正文, 1. and （1） headings, 署名, 成文日期 (7.3.3: 3号仿宋体). */
  body: string;
  /** 一、 headings (7.3.3: 第一层黑体). */
  heading1: string;
  /** （一） headings (7.3.3: 第二层楷体). */
  heading2: string;
  /** 页码 (7.5: 4号半角宋体阿拉伯数字). */
  pageNumber: string;
  /** Latin letters and digits everywhere (format.md: Times New Roman); “” — … stay in the Chinese font (w:hint). */
  latin: string;
}

export const FONT_PROFILES: Record<FontProfileId, FontProfile> = {
  // The set county templates and 文印室 font packs name (9704 itself says only 小标宋体/仿宋体/楷体/黑体);
  // the 方正 and _GB2312 faces are licensed and installed by hand. Times New Roman for Latin is on every
  // Windows PC; where it is missing (Linux) renderers substitute its metric twin Liberation Serif.
  gb2312: {
    id: 'gb2312',
    name: '公文标准字体（方正小标宋简体、仿宋_GB2312、楷体_GB2312）',
    title: '方正小标宋简体',
    body: '仿宋_GB2312',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    pageNumber: '宋体',
    latin: 'Times New Roman',
  },
  // Stock Windows (7 to 11) ships 仿宋 (FangSong), 楷体 (KaiTi), 黑体 (SimHei) and 宋体 (SimSun) but no
  // 小标宋. The title takes 宋体: 小标宋 is a heavy 宋 face, so 宋体 keeps its design (黑体 would read as a
  // heading, 楷体/仿宋 as body), and it needs no bold, which 9704 does not ask for.
  windows: {
    id: 'windows',
    name: 'Windows 自带字体（仿宋、楷体、黑体、宋体）',
    title: '宋体',
    body: '仿宋',
    heading1: '黑体',
    heading2: '楷体',
    pageNumber: '宋体',
    latin: 'Times New Roman',
  },
  // 统信 UOS and 麒麟 Kylin office PCs come with WPS for Linux, which installs 方正's GBK faces in
  // /usr/share/fonts/wps-office: FZXBSK.TTF 方正小标宋_GBK, FZFSK.TTF 方正仿宋_GBK, FZKTK.TTF 方正楷体_GBK,
  // FZHTK.TTF 方正黑体_GBK and FZSSK.TTF 方正书宋_GBK (a 宋体 for the page numbers; there is no 宋体/SimSun).
  // Source: users' notes from 银河麒麟 machines naming those files (e.g. "方正小标宋_GBK … 系统预装或 WPS 自带",
  // /usr/share/fonts/wps-office/FZXBSK.TTF) and scripts that load /usr/share/fonts/wps-office/FZFSK.TTF;
  // not checked on a machine of our own, so requiredFonts lets the app warn when one is missing. The system
  // fonts proper (Noto/思源 黑体 and 宋体) have no 仿宋 or 楷体, so they cannot make a 9704 page alone.
  kylin: {
    id: 'kylin',
    name: '统信 UOS / 麒麟 Kylin（WPS 自带方正 GBK 字体）',
    title: '方正小标宋_GBK',
    body: '方正仿宋_GBK',
    heading1: '方正黑体_GBK',
    heading2: '方正楷体_GBK',
    pageNumber: '方正书宋_GBK',
    latin: 'Times New Roman',
  },
};

/** Every font the profile names, for "is it installed?" checks before export. */
export function requiredFonts(profile: FontProfileId): string[] {
  const p = FONT_PROFILES[profile];
  return [...new Set([p.title, p.body, p.heading1, p.heading2, p.pageNumber, p.latin])];
}

/**
 * What Word and WPS use for a font the machine lacks: the w:altName of word/fontTable.xml. The licensed
 * 公文 faces fall back to the stock Windows face of the same design (仿宋_GB2312 → 仿宋, 方正小标宋简体 →
 * 宋体, as fonts.ts chooses for the windows profile); the stock faces name their English names, which
 * Word itself writes. Also each font's charset, family and pitch as Word writes them, so a substitute is
 * chosen from the right script (86: GB2312).
 */
export const FONT_FALLBACKS: Record<
  string,
  { altName?: string; charset: string; family: 'roman' | 'swiss' | 'modern' | 'auto'; pitch: 'fixed' | 'variable' }
> = {
  方正小标宋简体: { altName: '宋体', charset: '86', family: 'auto', pitch: 'variable' },
  仿宋_GB2312: { altName: '仿宋', charset: '86', family: 'modern', pitch: 'fixed' },
  楷体_GB2312: { altName: '楷体', charset: '86', family: 'modern', pitch: 'fixed' },
  方正小标宋_GBK: { altName: '宋体', charset: '86', family: 'auto', pitch: 'variable' },
  方正仿宋_GBK: { altName: '仿宋', charset: '86', family: 'modern', pitch: 'fixed' },
  方正楷体_GBK: { altName: '楷体', charset: '86', family: 'modern', pitch: 'fixed' },
  方正黑体_GBK: { altName: '黑体', charset: '86', family: 'modern', pitch: 'fixed' },
  方正书宋_GBK: { altName: '宋体', charset: '86', family: 'auto', pitch: 'variable' },
  宋体: { altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable' },
  仿宋: { altName: 'FangSong', charset: '86', family: 'modern', pitch: 'fixed' },
  楷体: { altName: 'KaiTi', charset: '86', family: 'modern', pitch: 'fixed' },
  黑体: { altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed' },
  'Times New Roman': { charset: '00', family: 'roman', pitch: 'variable' },
};

/**
 * The profile for a machine where the clerk has chosen none: the standard 公文 fonts where all are
 * installed, else WPS's 方正 GBK set (统信/麒麟), else stock Windows. `isInstalled` is the app's font
 * detection; Times New Roman is not asked about (its metric twin stands in wherever it is missing).
 */
export function chooseFontProfile(isInstalled: (font: string) => boolean): FontProfileId {
  const has = (id: FontProfileId) => requiredFonts(id).every((font) => font === 'Times New Roman' || isInstalled(font));
  return (['gb2312', 'kylin'] as const).find(has) ?? 'windows';
}
