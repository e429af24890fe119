import { render } from 'preact';
import '@/assets/ui.css';
import { Options } from '@/components/options';

render(<Options />, document.getElementById('app')!);
