import { render } from 'preact';
import 'katex/dist/katex.min.css';
import '@/assets/ui.css';
import '@/assets/review.css';
import { ReviewPage } from '@/entrypoints/review/app';

render(<ReviewPage />, document.getElementById('app')!);
