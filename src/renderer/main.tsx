import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>法治年报助手</h1>);
