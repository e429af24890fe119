import { render } from 'preact';
import '@/assets/ui.css';
import { Popup } from '@/entrypoints/popup/app';

render(<Popup />, document.getElementById('app')!);
