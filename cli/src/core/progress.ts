import type { Output } from './context';

// Progress on stderr, so stdout stays the command's report. A terminal gets one line redrawn in place
// (carriage return, erase line); a log file or a pipe gets a plain line per step, never control codes.

const BAR_WIDTH = 24;

export class Progress {
  private done = 0;
  private detail = '';
  private drawn = false;

  constructor(
    private readonly out: Output,
    private readonly label: string,
    private total: number,
  ) {}

  /** The amount of work grows as it is discovered (e.g. the spreadsheets of a folder). */
  setTotal(total: number): void {
    this.total = total;
  }

  update(done: number, detail: string): void {
    const changed = detail !== this.detail;
    this.done = done;
    this.detail = detail;
    if (this.out.isTTY) this.draw();
    else if (changed) this.out.write(`${this.label}: ${detail}\n`);
  }

  /** A line that stays, printed above the bar (e.g. that Google asked us to wait). */
  note(message: string): void {
    if (this.drawn) this.out.write('\r\x1b[2K');
    this.out.write(`${this.label}: ${message}\n`);
    if (this.drawn) this.draw();
  }

  finish(detail: string): void {
    this.update(this.total, detail);
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
  }

  private draw(): void {
    const fraction = this.total > 0 ? Math.min(1, Math.max(0, this.done / this.total)) : 0;
    const filled = Math.round(fraction * BAR_WIDTH);
    const percent = String(Math.floor(fraction * 100)).padStart(3);
    const line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${percent}% ${this.detail}`;
    const width = Math.max(20, (this.out.columns ?? 80) - 1);
    this.out.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    this.drawn = true;
  }
}
