/** Printing a drafting view in the format asked: its own data as JSON, or its document rendered. */
import type { Document } from '../report/document.js';
import { renderDoc, VIEW_FORMATS, type ViewFormat } from '../report/render.js';
import { UsageError, type CliIO } from './io.js';

export function checkViewFormat(format: string): ViewFormat {
  if (!(VIEW_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (expected one of: ${VIEW_FORMATS.join(', ')})`);
  return format as ViewFormat;
}

export function printView(io: CliIO, format: ViewFormat, data: unknown, doc: () => Document): void {
  if (format === 'json') io.stdout(JSON.stringify(data, null, 2) + '\n');
  else io.stdout(renderDoc(doc(), format, io.color));
}
