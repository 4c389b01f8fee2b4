/// <reference types="vite/client" />
// Vite's client types: CSS side-effect imports and asset URLs in the three apps (client, display, kiosk).
