import { render } from 'preact';
import 'katex/dist/katex.min.css';
import '@/assets/ui.css';
import '@/assets/gpt-lab.css';
import { SidePanel } from '@/components/side-panel';

render(<SidePanel />, document.getElementById('app')!);
