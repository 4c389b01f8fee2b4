/** Mounts the coordinator app's shell (loaded by main.ts beside the current page's code). */
import { mount } from 'svelte';
import App from './App.svelte';
import { applyDocumentLang } from './lib/i18n.svelte.ts';

applyDocumentLang();

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

export default mount(App, { target });
