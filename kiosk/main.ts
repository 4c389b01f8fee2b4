import { mount } from 'svelte';
import { applyDocumentLang } from '../client/lib/i18n.svelte.ts';
import App from './App.svelte';
import { resetKioskLanguage } from './kiosk-flow.svelte.ts';
import './kiosk.css';

// A reload starts a new visitor too: in the kiosk's own language, whatever the last one chose.
resetKioskLanguage();
applyDocumentLang();

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

export default mount(App, { target });
