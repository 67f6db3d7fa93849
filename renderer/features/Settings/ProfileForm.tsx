// Renderer: the form to create or edit an OpenAI or OpenAI-compatible profile.
import { useState } from "react";
import type { ProfileView } from "../../../shared/contract";
import { Field } from "../../components/Field";
import { useAppStore } from "../../store/appStore";
import { BASE_URL_PRESETS, emptyProfileForm, formToProfile, profileToForm, type ProfileField, type ProfileFormValues } from "./profileForm";

/** Name, kind, base URL (with presets for local servers) and default model; Enter submits. */
export function ProfileForm({ profile, onSaved }: { profile: ProfileView | null; onSaved: (id: string) => void }) {
  const takenIds = useAppStore((s) => s.profiles.map((p) => p.id).join("\n"));
  const saveProfile = useAppStore((s) => s.saveProfile);
  const [values, setValues] = useState<ProfileFormValues>(() => (profile ? profileToForm(profile) : emptyProfileForm()));
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const change = (patch: Partial<ProfileFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setStatus(null);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = formToProfile(values, takenIds ? takenIds.split("\n") : []);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const failure = await saveProfile(result.profile);
    if (failure) {
      setStatus(`Not saved: ${failure.message}`);
      return;
    }
    setStatus("Saved.");
    setValues((v) => ({ ...v, id: result.profile.id }));
    onSaved(result.profile.id);
  };

  return (
    <form className="profile-form" onSubmit={submit} noValidate>
      <Field label="Name" error={errors.name}>
        {({ id, describedBy }) => (
          <input id={id} value={values.name} aria-describedby={describedBy || undefined} data-testid="profile-name" onChange={(e) => change({ name: e.target.value })} />
        )}
      </Field>
      <Field label="Kind" hint="OpenAI's own API, or any server that speaks the same API (Ollama, LM Studio, vLLM, OpenRouter...)." error={errors.kind}>
        {({ id, describedBy }) => (
          <select id={id} value={values.kind} aria-describedby={describedBy} data-testid="profile-kind" onChange={(e) => change({ kind: e.target.value === "compatible" ? "compatible" : "openai" })}>
            <option value="openai">OpenAI</option>
            <option value="compatible">OpenAI-compatible server</option>
          </select>
        )}
      </Field>
      <Field
        label="Base URL"
        hint={values.kind === "openai" ? "Leave empty for https://api.openai.com/v1." : "Where the server's /v1 API lives; the buttons fill in the usual local servers."}
        error={errors.baseURL}
      >
        {({ id, describedBy }) => (
          <>
            <input
              id={id}
              value={values.baseURL}
              spellCheck={false}
              inputMode="url"
              placeholder={values.kind === "openai" ? "https://api.openai.com/v1" : "http://localhost:11434/v1"}
              aria-describedby={describedBy}
              data-testid="profile-baseurl"
              onChange={(e) => change({ baseURL: e.target.value })}
            />
            <div className="presets" aria-label="Common local servers">
              {BASE_URL_PRESETS.map((preset) => (
                <button key={preset.label} type="button" className="button-quiet" onClick={() => change({ baseURL: preset.url, kind: "compatible" })}>
                  {preset.label} <span className="mono">{preset.url}</span>
                </button>
              ))}
            </div>
          </>
        )}
      </Field>
      <Field label="Default model" hint="Chosen in the playground when this profile becomes active; may be left empty." error={errors.defaultModel}>
        {({ id, describedBy }) => (
          <input id={id} value={values.defaultModel} spellCheck={false} aria-describedby={describedBy} data-testid="profile-model" onChange={(e) => change({ defaultModel: e.target.value })} />
        )}
      </Field>
      <div className="row">
        <button type="submit" className="button-primary" data-testid="profile-save">
          {profile ? "Save changes" : "Create profile"}
        </button>
        {status ? <span role="status">{status}</span> : null}
      </div>
    </form>
  );
}
