import { mount } from 'svelte';
import { applyDocumentLang } from '../lib/i18n.svelte.ts';
import App from './App.svelte';
import './member.css';

applyDocumentLang();

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

export default mount(App, { target });
