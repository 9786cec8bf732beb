import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal, type IDisposable } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { isAppShortcut } from '../../keyboard/app-shortcuts';
import { api } from '../../lib/api';
import { terminalKeyAction, type TerminalKeyAction } from './terminal-keys';

const DEFAULT_FONT_SIZE = 13;
const FONT_SIZE_RANGE = { min: 8, max: 32 } as const;

const encoder = new TextEncoder();

/**
 * One xterm.js terminal with its addons, living outside React: its element is moved into whichever pane shows
 * it, so switching pages or tabs never loses the screen or the scrollback.
 */
export class TerminalView {
  /** Detached until a pane adopts it; the terminal opens into it the first time it is in the document. */
  readonly element: HTMLDivElement;
  private readonly terminal: Terminal;
  private readonly fitAddon = new FitAddon();
  private readonly searchAddon = new SearchAddon();
  private webgl: WebglAddon | undefined;
  private opened = false;
  private onFind: () => void = () => {};

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'terminal-view';
    this.element.dataset.testid = 'terminal-view';
    this.terminal = new Terminal({
      allowProposedApi: true,
      cursorBlink: true,
      fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
      fontSize: DEFAULT_FONT_SIZE,
      scrollback: 10_000,
      theme: { background: '#0c0f13', foreground: '#e6e8eb', cursor: '#60a5fa', selectionBackground: '#2d4a7a' },
    });
    this.terminal.loadAddon(this.fitAddon);
    this.terminal.loadAddon(this.searchAddon);
    this.terminal.loadAddon(new Unicode11Addon());
    this.terminal.unicode.activeVersion = '11';
    this.terminal.loadAddon(new WebLinksAddon((_event, url) => void api.app.openExternal({ url })));
    // The size in cells, for anyone reading the page (tests, accessibility tools).
    const showSize = () => Object.assign(this.element.dataset, { cols: this.terminal.cols, rows: this.terminal.rows });
    showSize();
    this.terminal.onResize(showSize);
    this.terminal.attachCustomKeyEventHandler((event) => {
      // The app's shortcuts (pages, palette) are not the shell's: xterm leaves them to the window's listener.
      if (isAppShortcut(event)) return false;
      const action = terminalKeyAction(event);
      if (action === null) return true;
      if (event.type === 'keydown') {
        event.preventDefault();
        this.runKeyAction(action);
      }
      return false;
    });
  }

  get cols(): number {
    return this.terminal.cols;
  }

  get rows(): number {
    return this.terminal.rows;
  }

  /** Moves the view into `host`; the first time, opens the terminal there and picks a renderer. */
  attachTo(host: HTMLElement): void {
    if (this.element.parentElement !== host) host.appendChild(this.element);
    if (this.opened) return;
    this.opened = true;
    this.terminal.open(this.element);
    this.useWebglRenderer();
  }

  /** Fits the terminal to its pane; does nothing while the pane is hidden (it has no size then). */
  fit(): void {
    if (!this.opened || this.element.clientWidth === 0 || this.element.clientHeight === 0) return;
    this.fitAddon.fit();
  }

  focus(): void {
    this.terminal.focus();
  }

  /** Writes output; `done` runs once xterm has processed it (that is when the bytes are acknowledged). */
  write(data: Uint8Array | string, done?: () => void): void {
    this.terminal.write(data, done);
  }

  /** Keystrokes and pastes, as the bytes the shell should read. */
  onInput(listener: (bytes: Uint8Array) => void): IDisposable {
    const text = this.terminal.onData((data) => listener(encoder.encode(data)));
    // Some mouse reports are raw bytes that must not be UTF-8 encoded.
    const binary = this.terminal.onBinary((data) =>
      listener(Uint8Array.from(data, (char) => char.charCodeAt(0) & 0xff)),
    );
    return { dispose: () => (text.dispose(), binary.dispose()) };
  }

  onResize(listener: (size: { cols: number; rows: number }) => void): IDisposable {
    return this.terminal.onResize(listener);
  }

  /** Ctrl+Shift+F: the page shows its find box. */
  setFindHandler(handler: () => void): void {
    this.onFind = handler;
  }

  private runKeyAction(action: TerminalKeyAction): void {
    if (action === 'copy') void this.copySelection();
    else if (action === 'paste') void this.pasteClipboard();
    else if (action === 'find') this.onFind();
    else this.zoom(action === 'zoom-in' ? 1 : action === 'zoom-out' ? -1 : 0);
  }

  async copySelection(): Promise<void> {
    const selection = this.terminal.getSelection();
    if (selection) await navigator.clipboard.writeText(selection);
  }

  async pasteClipboard(): Promise<void> {
    const text = await navigator.clipboard.readText();
    // paste() honours bracketed paste mode, so shells don't run pasted lines one by one.
    if (text) this.terminal.paste(text);
  }

  get fontSize(): number {
    return this.terminal.options.fontSize ?? DEFAULT_FONT_SIZE;
  }

  /** Zooms by `step` points; 0 resets. */
  zoom(step: number): void {
    const size = step === 0 ? DEFAULT_FONT_SIZE : this.fontSize + step;
    this.terminal.options.fontSize = Math.min(FONT_SIZE_RANGE.max, Math.max(FONT_SIZE_RANGE.min, size));
    this.fit();
  }

  find(text: string, direction: 'next' | 'previous'): boolean {
    if (!text) {
      this.searchAddon.clearDecorations();
      return false;
    }
    const options = { decorations: { matchOverviewRuler: '#d97706', activeMatchColorOverviewRuler: '#60a5fa' } };
    return direction === 'next'
      ? this.searchAddon.findNext(text, { ...options, incremental: true })
      : this.searchAddon.findPrevious(text, options);
  }

  clearSearch(): void {
    this.searchAddon.clearDecorations();
  }

  /** A dimmed line of Berth's own (exit codes, errors), written between the shell's output. */
  writeNote(text: string, tone: 'muted' | 'error' = 'muted'): void {
    const color = tone === 'error' ? '\x1b[31m' : '\x1b[2m';
    this.terminal.write(`\r\n${color}${text.replace(/\n/g, '\r\n')}\x1b[0m\r\n`);
  }

  dispose(): void {
    this.terminal.dispose();
    this.element.remove();
  }

  /** WebGL when the machine has it, xterm's DOM renderer otherwise or once the GPU context is lost. */
  private useWebglRenderer(): void {
    try {
      const webgl = new WebglAddon();
      webgl.onContextLoss(() => this.useDomRenderer());
      this.terminal.loadAddon(webgl);
      this.webgl = webgl;
      this.element.dataset.renderer = 'webgl';
    } catch {
      this.useDomRenderer();
    }
  }

  private useDomRenderer(): void {
    this.webgl?.dispose();
    this.webgl = undefined;
    this.element.dataset.renderer = 'dom';
  }
}
