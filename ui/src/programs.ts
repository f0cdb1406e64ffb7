// The programs an application can be started for (list_programs: their names and what their row is, from the
// program data), asked once and shared by the screens that offer or name them.
import { useEffect, useState } from "preact/hooks";

import "./programs.css";

import { api, type ProgramChoice } from "./ipc";

let cached: Promise<ProgramChoice[]> | null = null;

export function usePrograms(): ProgramChoice[] {
  const [programs, setPrograms] = useState<ProgramChoice[]>([]);
  useEffect(() => {
    cached ??= api.listPrograms().catch(() => {
      cached = null;
      return [];
    });
    void cached.then(setPrograms);
  }, []);
  return programs;
}
