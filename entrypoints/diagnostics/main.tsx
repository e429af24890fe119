import { render } from 'preact';
import '@/assets/ui.css';
import { Diagnostics } from '@/components/diagnostics';

render(<Diagnostics />, document.getElementById('app')!);
