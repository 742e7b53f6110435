/**
 * Font profiles for the export (shared/spec/format.md, "Fonts on the clerk's machine"). The official 公文
 * fonts are licensed and not on every PC, so the clerk picks the set their machine has; none is embedded.
 */

export type FontProfileId = 'gb2312' | 'windows' | 'kylin';

export interface FontProfile {
  id: FontProfileId;
  name: string;
  /** 标题 (GB/T 9704 7.3.2: 2号小标宋体). */
  title: string;
  /** 正文, 1. and （1） headings, 署名, 成文日期 (7.3.3: 3号仿宋体). */
  body: string;
  /** 一、 headings (7.3.3: 第一层黑体). */
  heading1: string;
  /** （一） headings (7.3.3: 第二层楷体). */
  heading2: string;
  /** 页码 (7.5: 4号半角宋体阿拉伯数字). */
  pageNumber: string;
  /** Latin letters and digits everywhere. */
  latin: string;
}

export const FONT_PROFILES: Record<FontProfileId, FontProfile> = {
  // The set most county templates name: the fonts of the standard's own examples.
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
  // 小标宋: 宋体 is the closest stock face for the title, and needs no bold to stay legal under 9704.
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
  // 统信 UOS and 麒麟 Kylin office PCs run WPS for Linux, whose bundled 方正 GBK faces are the usual 公文
  // set there. This is an assumption to confirm on a real machine; the app warns before exporting with a
  // font the machine lacks.
  kylin: {
    id: 'kylin',
    name: '统信 UOS / 麒麟 Kylin（方正 GBK 字体）',
    title: '方正小标宋_GBK',
    body: '方正仿宋_GBK',
    heading1: '方正黑体_GBK',
    heading2: '方正楷体_GBK',
    pageNumber: '宋体',
    latin: 'Times New Roman',
  },
};

/** Every font the profile names, for "is it installed?" checks before export. */
export function requiredFonts(profile: FontProfileId): string[] {
  const p = FONT_PROFILES[profile];
  return [...new Set([p.title, p.body, p.heading1, p.heading2, p.pageNumber, p.latin])];
}
