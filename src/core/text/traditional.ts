/**
 * Traditional characters as simplified, one for one, for reading a report written in traditional
 * characters (Big5 files, reports from Hong Kong or Taiwan tools): the importer reads headings, units and
 * dates on the folded text, then gives the report back in the characters it was written in. Only the
 * characters of the words the importer and checker look for; the text itself is never converted.
 */
const PAIRS =
  '鎮镇鄉乡縣县區区黨党負负責责職职況况題题劃划計计設设關关報报與与執执規规範范導导問问體体決决務务處处機机構构實实際际質质發发進进辦办專专項项會会議议調调節节糾纠紛纷舉举績绩條条將将們们這这個个來来為为對对當当點点應应該该開开員员單单傳传統统歷历經经濟济營营環环綜综產产業业農农廳厅屬属級级論论聽听親亲協协鬥斗學学習习貫贯徹彻組组織织領领幹干總总結结匯汇彙汇檢检審审風风險险預预廣广門门權权爭争認认識识複复雜杂歲岁從从勢势變变動动態态據据數数無无類类屆届亂乱療疗醫医藥药衛卫華华豐丰園园圖图書书館馆寶宝貴贵買买賣卖費费資资貨货輕轻運运達达過过還还選选遠远適适邊边陽阳陰阴隊队雙双雞鸡電电靈灵頁页頭头顯显飛飞飯饭馬马驗验髮发鬆松魚鱼鳥鸟麥麦黃黄齊齐齡龄龍龙於于後后';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i]!, PAIRS[i + 1]!);

/** The text with the traditional characters above made simplified; same length, position for position. */
export function foldTraditional(text: string): string {
  let out = '';
  for (const c of text) out += MAP.get(c) ?? c;
  return out;
}

/** How many characters folding changes (a traditional text changes many). */
export function traditionalCount(text: string): number {
  let n = 0;
  for (const c of text) if (MAP.has(c)) n++;
  return n;
}

/**
 * The way back for one document: each simplified character that stands, in this document, for exactly one
 * traditional character. A character the original wrote in both forms is left as folded.
 */
export function unfolder(original: string): (text: string) => string {
  const back = new Map<string, string>();
  const conflicted = new Set<string>();
  for (const c of original) {
    const f = MAP.get(c);
    if (f === undefined) continue;
    if (back.has(f) && back.get(f) !== c) conflicted.add(f);
    back.set(f, c);
  }
  for (const c of original) if (!MAP.has(c) && back.has(c)) conflicted.add(c);
  for (const c of conflicted) back.delete(c);
  return (text) => {
    let out = '';
    for (const c of text) out += back.get(c) ?? c;
    return out;
  };
}
