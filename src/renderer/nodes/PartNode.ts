/**
 * One part of the report (a section of the model: the opening, 一、…, 二、…) inside the one document editor.
 * A shadow root, as the playground's table cells and layout items are: its blocks belong to it, so Enter,
 * Backspace and paste stay inside it, while selection, arrows, Ctrl+A and undo run across the whole report.
 *
 * The part's heading is not text of the editor: its number is locked (parts are renumbered as a whole) and
 * its wording is a form field drawn by PartChromePlugin into the part's unmanaged header, which edits the
 * node's `heading` through editor updates, so rewording is undone with Ctrl+Z like typing.
 */
import {
  $applyNodeReplacement,
  ElementNode,
  setDOMUnmanaged,
  type DOMExportOutput,
  type ElementDOMSlot,
  type LexicalNode,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';

export type SerializedPartNode = Spread<
  { sectionKey: string; part: string | null; heading: string },
  SerializedElementNode
>;

/** Native events of the header's form controls that Lexical must not turn into edits of the text. */
const HEADER_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
  'cut',
  'copy',
  'drop',
];

export class PartNode extends ElementNode {
  __sectionKey: string;
  __part: string | null;
  __heading: string;

  static override getType(): string {
    return 'report-part';
  }

  static override clone(node: PartNode): PartNode {
    return new PartNode(node.__sectionKey, node.__part, node.__heading, node.__key);
  }

  constructor(sectionKey = '', part: string | null = null, heading = '', key?: NodeKey) {
    super(key);
    this.__sectionKey = sectionKey;
    this.__part = part;
    this.__heading = heading;
  }

  getSectionKey(): string {
    return this.getLatest().__sectionKey;
  }

  getPart(): string | null {
    return this.getLatest().__part;
  }

  getHeading(): string {
    return this.getLatest().__heading;
  }

  setHeading(heading: string): this {
    const writable = this.getWritable();
    writable.__heading = heading;
    return writable;
  }

  override isShadowRoot(): boolean {
    return true;
  }

  /** True: a part whose last block is removed must stay (the guards' transform gives it an empty paragraph). */
  override canBeEmpty(): boolean {
    return true;
  }

  override canIndent(): boolean {
    return false;
  }

  /** section > header (unmanaged: heading field and hint) + body (the blocks, Lexical's). */
  override createDOM(): HTMLElement {
    const section = document.createElement('section');
    section.className = 'doc-part';
    const header = document.createElement('div');
    header.className = 'part-header';
    header.contentEditable = 'false';
    // The header's own controls keep their keys, input and selection (see setDOMUnmanaged).
    setDOMUnmanaged(header, { captureSelection: true });
    for (const type of HEADER_EVENTS) header.addEventListener(type, (event) => event.stopPropagation());
    const body = document.createElement('div');
    body.className = 'section-content';
    section.append(header, body);
    this.setAttributes(section, body);
    return section;
  }

  private setAttributes(section: HTMLElement, body: HTMLElement): void {
    section.dataset.section = this.__sectionKey;
    if (this.__part) section.dataset.part = this.__part;
    else delete section.dataset.part;
    body.dataset.sectionEditor = this.__sectionKey;
    body.setAttribute('aria-label', this.__heading || '开头');
  }

  override updateDOM(prev: PartNode, dom: HTMLElement): boolean {
    if (prev.__sectionKey !== this.__sectionKey || prev.__part !== this.__part || prev.__heading !== this.__heading) {
      this.setAttributes(dom, dom.lastElementChild as HTMLElement);
    }
    return false;
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    return super.getDOMSlot(element).withElement(element.lastElementChild as HTMLElement);
  }

  /** Copied as HTML, a part keeps its heading line before its paragraphs. */
  override exportDOM(): DOMExportOutput {
    const section = document.createElement('section');
    if (this.__heading) {
      const h = document.createElement('h2');
      h.textContent = this.__heading;
      section.append(h);
    }
    return { element: section };
  }

  static override importJSON(json: SerializedPartNode): PartNode {
    return $createPartNode(json.sectionKey, json.part, json.heading).updateFromJSON(json);
  }

  override exportJSON(): SerializedPartNode {
    return { ...super.exportJSON(), sectionKey: this.__sectionKey, part: this.__part, heading: this.__heading };
  }
}

export function $createPartNode(sectionKey: string, part: string | null, heading: string): PartNode {
  return $applyNodeReplacement(new PartNode(sectionKey, part, heading));
}

export function $isPartNode(node: LexicalNode | null | undefined): node is PartNode {
  return node instanceof PartNode;
}
