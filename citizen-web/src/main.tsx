import { render } from 'preact';
import { lang } from './i18n.tsx';
import { ReportPage } from './report/ReportPage.tsx';
import { StatusPage } from './status/StatusPage.tsx';

const root = document.getElementById('app')!;
document.documentElement.lang = lang.get();
root.textContent = '';
render(root.dataset.page === 'status' ? <StatusPage /> : <ReportPage />, root);
