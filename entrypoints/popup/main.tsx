import { render } from 'preact';

function Popup() {
  return <h1>Dossier</h1>;
}

render(<Popup />, document.getElementById('app')!);
