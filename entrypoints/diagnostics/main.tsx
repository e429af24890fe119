import { render } from 'preact';
import 'katex/dist/katex.min.css';
import '@/assets/ui.css';
import { Diagnostics } from '@/components/diagnostics';

render(<Diagnostics />, document.getElementById('app')!);
