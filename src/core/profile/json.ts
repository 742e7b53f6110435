/**
 * A small JSON reader that remembers where every value starts, so that a mistake in a county's profile —
 * a syntax slip made in Notepad or a value the schema refuses — is reported with its line and column.
 * JSON.parse gives neither the path of a value nor, in every engine, a position; this reader gives both,
 * with the slips Notepad users make (中文引号, 全角逗号, a comma before "}") named in Chinese.
 */

export interface Position {
  line: number;
  column: number;
}

export type JsonPath = ReadonlyArray<string | number>;

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(`第 ${position.line} 行第 ${position.column} 列：${message}`);
  }
}

export interface ParsedJson {
  value: unknown;
  /** Where the value at a path starts (for an object member: where its key starts). */
  positionOf(path: JsonPath): Position;
}

const MAX_DEPTH = 64;

/** Names a character the way a clerk sees it, with what to type instead when it is a common slip. */
function slip(ch: string | undefined): string {
  if (ch === undefined) return '文件提前结束了，可能少了“}”或“]”';
  if (ch === '“' || ch === '”') return '用了中文引号，请改为英文半角引号 "';
  if (ch === '‘' || ch === '’' || ch === "'") return '用了单引号，请改为英文半角双引号 "';
  if (ch === '，') return '用了全角逗号“，”，请改为半角逗号 ,';
  if (ch === '：') return '用了全角冒号“：”，请改为半角冒号 :';
  if (ch === '｛' || ch === '｝' || ch === '［' || ch === '］') return `用了全角括号“${ch}”，请改为半角括号`;
  if (ch === '/') return '配置文件中不能写注释（// 或 /* */），请删去';
  return `这里的“${ch}”不合格式`;
}

export function parseJsonWithPositions(source: string): ParsedJson {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source; // Notepad's BOM
  // Line starts, for turning offsets into line and column.
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const positionAt = (at: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - lineStarts[lo]! + 1 };
  };
  const starts = new Map<string, number>();
  const key = (path: JsonPath) => JSON.stringify(path);
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(message, positionAt(Math.min(at, text.length)));
  };
  const skipSpace = () => {
    while (
      i < text.length &&
      (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r' || text[i] === '\u3000')
    )
      i++;
  };

  const readString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\n') fail('引号没有配对：这一行的字符串没有结束的 "', start);
      if (ch === '\\') {
        const next = text[i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (next !== undefined && next in simple) {
          out += simple[next];
          i += 2;
          continue;
        }
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        fail('反斜杠 \\ 后面的写法不对；要写反斜杠本身请写两个 \\\\');
      }
      out += ch;
      i++;
    }
    return fail('引号没有配对：字符串没有结束的 "', start);
  };

  const readValue = (path: (string | number)[], depth: number): unknown => {
    skipSpace();
    if (depth > MAX_DEPTH) fail('层次太深');
    if (!starts.has(key(path))) starts.set(key(path), i);
    const ch = text[i];
    if (ch === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      skipSpace();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        skipSpace();
        if (text[i] === '}') fail('最后一项后面多了一个逗号，请删去');
        if (text[i] !== '"')
          fail(text[i] === undefined ? slip(undefined) : `这里应是用英文双引号括起来的项目名：${slip(text[i])}`);
        const keyStart = i;
        const name = readString();
        if (Object.hasOwn(obj, name)) fail(`“${name}”写了两次，请只保留一处`, keyStart);
        starts.set(key([...path, name]), keyStart);
        skipSpace();
        if (text[i] !== ':')
          fail(`项目名“${name}”后面应是半角冒号 :${text[i] === '：' ? '（现在是全角冒号“：”）' : ''}`);
        i++;
        obj[name] = readValue([...path, name], depth + 1);
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail(
          text[i] === '"'
            ? '上一项后面少了逗号 ,'
            : text[i] === undefined
              ? slip(undefined)
              : `上一项后面应是逗号 , 或 }：${slip(text[i])}`,
        );
      }
    }
    if (ch === '[') {
      i++;
      const arr: unknown[] = [];
      skipSpace();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        skipSpace();
        if (text[i] === ']') fail('最后一项后面多了一个逗号，请删去');
        arr.push(readValue([...path, arr.length], depth + 1));
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail(
          text[i] === undefined
            ? slip(undefined)
            : /["{[\d-]/.test(text[i]!)
              ? '上一项后面少了逗号 ,'
              : `上一项后面应是逗号 , 或 ]：${slip(text[i])}`,
        );
      }
    }
    if (ch === '"') return readString();
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 40));
    if (number) {
      i += number[0].length;
      return Number(number[0]);
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail(
      ch === undefined
        ? slip(undefined)
        : /[\p{L}]/u.test(ch) && !'“”‘’'.includes(ch)
          ? '文字要用英文双引号 " 括起来'
          : slip(ch),
    );
  };

  const value = readValue([], 0);
  skipSpace();
  if (i < text.length) fail(`整个文件应是一个 { }，后面不能再有内容：${slip(text[i])}`);

  return {
    value,
    positionOf(path: JsonPath): Position {
      // The deepest recorded ancestor: a missing member is reported where its object starts.
      for (let n = path.length; n >= 0; n--) {
        const at = starts.get(key(path.slice(0, n)));
        if (at !== undefined) return positionAt(at);
      }
      return { line: 1, column: 1 };
    },
  };
}
