import { render } from 'preact';
import '@/assets/ui.css';
import { SidePanel } from '@/components/side-panel';

render(<SidePanel />, document.getElementById('app')!);
