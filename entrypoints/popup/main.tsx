import { render } from 'preact';
import '@/assets/ui.css';
import { Popup } from '@/components/popup';

render(<Popup />, document.getElementById('app')!);
