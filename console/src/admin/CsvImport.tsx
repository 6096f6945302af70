import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/ApiClient.ts';
import { ProblemError } from '../api/ProblemError.ts';
import { t } from '../ui/i18n.ts';
import { useAction } from '../ui/useAction.ts';

type Kind = 'roads' | 'crews' | 'vehicles';

/** A spreadsheet as CSV: all or nothing; on error every bad cell is shown against its line and column and nothing is written. */
export function CsvImport({ api }: { api: ApiClient }) {
  const [kind, setKind] = useState<Kind>('roads');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<ProblemError>();
  const upload = useAction(async (key) => {
    setProblem(undefined);
    try {
      return await api.act<{ rows: number; created: number; replaced: number; unchanged: number }>('POST', `/registry/import/${kind}`, text, key, 'text/csv');
    } catch (e) {
      if (e instanceof ProblemError) setProblem(e);
      throw e;
    }
  });
  const readFile = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) { setText(await file.text()); upload.renew(); }
  };
  return (
    <section class="panel" aria-label={`${t('import')} CSV`} data-import>
      <h2>{t('import')} CSV</h2>
      <form onSubmit={(e) => { e.preventDefault(); void upload.run(); }}>
        <div class="row">
          <label>{t('kind')} <select value={kind} onChange={(e) => { setKind((e.target as HTMLSelectElement).value as Kind); upload.renew(); }} data-import-kind>
            {(['roads', 'crews', 'vehicles'] as Kind[]).map((k) => <option key={k} value={k}>{k}</option>)}
          </select></label>
          <label>{t('file')} <input type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e)} data-import-file /></label>
          <button type="submit" disabled={upload.pending || text === ''} data-import-send>{t('import')}</button>
        </div>
      </form>
      {upload.result && <p role="status" data-import-result>{t('importResult', { rows: upload.result.rows, created: upload.result.created, replaced: upload.result.replaced, unchanged: upload.result.unchanged })}</p>}
      {problem && (
        <div role="alert" data-import-errors>
          <p class="problem">{problem.sentence}</p>
          <table>
            <thead><tr><th>{t('line')}</th><th>{t('column')}</th><th>{t('problem')}</th></tr></thead>
            <tbody>{problem.errors.map((err, i) => <tr key={i} data-error-line={err.line}><td>{err.line ?? ''}</td><td>{err.column ?? ''}</td><td>{err.detail}</td></tr>)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
