import { render } from 'preact';
import 'katex/dist/katex.min.css';
import '@/assets/ui.css';
import '@/assets/gpt-lab.css';
import '@/assets/backprop-lab.css';
import '@/assets/review.css';
import { SidePanel } from '@/entrypoints/sidepanel/app';

render(<SidePanel />, document.getElementById('app')!);
