import { render } from 'preact';
import 'katex/dist/katex.min.css';
import '@/assets/ui.css';
import { Diagnostics } from '@/entrypoints/diagnostics/app';

render(<Diagnostics />, document.getElementById('app')!);
