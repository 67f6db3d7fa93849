// Renderer: the lab's defences, each switched on or off, saying whether it acts in the prompt (the
// model may still be fooled) or in code (it blocks whatever the model does).
import { DEFENCES, DEFENCE_INFO } from "../../../shared/injectionLab";
import { useAppStore } from "../../store/appStore";

/** One checkbox per defence. */
export function DefenceSwitches() {
  const defences = useAppStore((s) => s.injection.defences);
  const running = useAppStore((s) => s.injection.running);
  const toggle = useAppStore((s) => s.toggleDefence);
  return (
    <fieldset className="defence-switches">
      <legend>Defences</legend>
      {DEFENCES.map((d) => (
        <label key={d} className="defence">
          <input type="checkbox" data-testid={`defence-${d}`} checked={defences[d]} disabled={running} onChange={() => toggle(d)} />
          <span>
            <strong>{DEFENCE_INFO[d].label}</strong> <span className="tag">in {DEFENCE_INFO[d].actsIn}</span>
            <br />
            <small className="hint">{DEFENCE_INFO[d].description}</small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
