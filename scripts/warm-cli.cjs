// Runs the bundled CLI once on a sample report written here (our own sentences), the way a reviewer uses it
// (check, then export to .docx), then saves V8's code cache of everything that ran: dist/cli.cache. The
// .docx package needs no warming: it is in the bundle (src/core/export/generated/docxPackage.ts).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadCli, writeCache } = require('../bin/load-cli.cjs');

function sampleReport() {
  const lines = [
    '某某镇2025年法治政府建设年度报告',
    '',
    '2025年，某某镇坚持依法行政，现将有关情况报告如下：',
    '一、2025年推进法治政府建设的主要举措和成效',
  ];
  const sentences = [
    '（一）健全依法行政制度体系。',
    '1.严格落实合法性审查。全年审查行政规范性文件3件、合同25份，提出修改意见41条，审查率100%。',
    '2.推进严格规范公正文明执法。全年办理行政处罚案件18件，行政复议0件，行政诉讼1件。',
    '坚持和发展新时代“枫桥经验”，排查矛盾纠纷120件，化解118件，化解率98.3%。',
  ];
  for (let i = 0; lines.join('').length < 30000; i++) lines.push(sentences[i % sentences.length]);
  lines.push('二、2025年党政主要负责人履行推进法治建设第一责任人职责情况', '主要负责人带头学法，专题研究法治工作4次。');
  lines.push('三、2025年推进法治政府建设存在的不足和原因', '法治宣传的针对性还不够强。');
  lines.push(
    '四、2026年推进法治政府建设的主要安排',
    '持续抓好行政执法规范化建设。',
    '',
    '某某镇人民政府',
    '2026年1月15日',
  );
  return lines.join('\n');
}

const quiet = { out() {}, err() {} };

async function warm() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-warm-'));
  try {
    const input = path.join(dir, 'report.txt');
    fs.writeFileSync(input, sampleReport());
    const { cli, script } = loadCli();
    await cli.main(['check', input, '--json'], quiet);
    const code = await cli.main(['export', input, '-o', path.join(dir, 'report.docx')], quiet);
    if (code !== 0) throw new Error(`sample export exited ${code}`);
    if (!writeCache(script)) throw new Error('dist/cli.cache could not be written');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

warm().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
