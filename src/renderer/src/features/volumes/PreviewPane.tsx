import { Download } from 'lucide-react';
import { useMemo } from 'react';
import type { Preview } from '@shared/schemas/volumes';
import { Button } from '../../components/Button';
import { fileKind } from './file-kinds';
import { formatBytes } from './format';
import { parseDelimited } from './parse-csv';

const MAX_TABLE_ROWS = 200;

function PrettyJson({ text }: { text: string }) {
  const pretty = useMemo(() => JSON.stringify(JSON.parse(text), null, 2), [text]);
  return <pre className="volume-preview-text mono">{pretty}</pre>;
}

function DelimitedTable({ text, delimiter, truncated }: { text: string; delimiter: ',' | '\t'; truncated: boolean }) {
  const rows = useMemo(
    () => parseDelimited(text, delimiter, MAX_TABLE_ROWS + 1, truncated),
    [text, delimiter, truncated],
  );
  const [header = [], ...body] = rows;
  return (
    <div className="volume-preview-table">
      <table className="data-table preview-table" data-testid="volume-preview-table">
        <thead>
          <tr>
            {header.map((cell, index) => (
              <th key={index} title={cell}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.slice(0, MAX_TABLE_ROWS).map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={index} title={cell}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A file Berth can't show: what kind it is (by its extension), its size, and the way to get it. */
function BinaryNote({ name, size, onDownload }: { name: string; size: number; onDownload(): void }) {
  const kind = fileKind(name);
  return (
    <div className="volume-binary" data-testid="volume-binary">
      <p>
        <strong>{kind ? kind.label : 'Binary file'}</strong> ({formatBytes(size)}): no preview.
      </p>
      {kind && <p className="muted">{kind.hint}</p>}
      <Button size="sm" icon={<Download size={14} aria-hidden="true" />} onClick={onDownload}>
        Download
      </Button>
    </div>
  );
}

/** Shows a preview: text in its detected encoding, JSON pretty-printed, CSV/TSV as a table, images inline. */
export function PreviewPane({ name, preview, onDownload }: { name: string; preview: Preview; onDownload(): void }) {
  const kind = fileKind(name);
  return (
    <section className="panel volume-preview" data-testid="volume-preview" data-kind={preview.kind}>
      <header>
        <h2 className="truncate" title={name}>
          {name}
        </h2>
        <span className="muted">
          {formatBytes(preview.size)}
          {preview.kind === 'text' &&
            ` · ${preview.encoding} · ${preview.format}${preview.truncated ? ' · first part only' : ''}`}
          {preview.kind !== 'text' && kind ? ` · ${kind.label}` : ''}
        </span>
      </header>
      {preview.kind === 'image' && (
        <img className="volume-preview-image" alt={name} src={`data:${preview.mime};base64,${preview.base64}`} />
      )}
      {preview.kind === 'binary' && <BinaryNote name={name} size={preview.size} onDownload={onDownload} />}
      {preview.kind === 'text' && preview.format === 'json' && <PrettyJson text={preview.text} />}
      {preview.kind === 'text' && (preview.format === 'csv' || preview.format === 'tsv') && (
        <DelimitedTable
          text={preview.text}
          delimiter={preview.format === 'csv' ? ',' : '\t'}
          truncated={preview.truncated}
        />
      )}
      {preview.kind === 'text' && preview.format === 'plain' && (
        <pre className="volume-preview-text mono">{preview.text}</pre>
      )}
    </section>
  );
}
