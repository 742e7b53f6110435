/**
 * The reports the bench and the checker snapshot generate: a township report of about `chars` characters,
 * title and opening, the five parts with numbered sub-headings, and the signature. `paragraph(sub, index)`
 * writes each paragraph (our own sentences, never the fixtures'); up to `perSub` under each sub-heading.
 */
export function generatedReport(
  chars: number,
  year: number,
  perSub: number,
  paragraph: (sub: number, index: number) => string,
): string {
  const lines = [
    `青石镇关于${year}年度法治政府建设情况的报告`,
    `${year}年，青石镇坚持依法行政。现将有关情况报告如下：`,
  ];
  const parts = [
    '一、主要举措和成效',
    '二、党政主要负责人履行推进法治建设第一责任人职责情况',
    '三、存在的不足和原因',
    `四、${year + 1}年工作安排`,
    '五、其他需要报告的情况',
  ];
  const perPart = chars / parts.length;
  for (const heading of parts) {
    lines.push(heading);
    let written = 0;
    for (let sub = 1; written < perPart; sub++) {
      lines.push(`（${'一二三四五六七八九十'[(sub - 1) % 10]}）第${sub}方面工作`);
      for (let p = 0; p < perSub && written < perPart; p++) {
        const text = paragraph(sub, p);
        lines.push(text);
        written += text.length;
      }
    }
  }
  lines.push('青石镇人民政府', `${year + 1}年1月15日`);
  return lines.join('\n');
}
