import { render } from 'preact';
import '@/assets/ui.css';
import { Options } from '@/entrypoints/options/app';

render(<Options />, document.getElementById('app')!);
