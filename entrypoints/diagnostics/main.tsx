import { render } from 'preact';
import 'katex/dist/katex.min.css';
import '@/assets/ui.css';
import { Diagnostics } from '@/components/diagnostics/diagnostics';

render(<Diagnostics />, document.getElementById('app')!);
