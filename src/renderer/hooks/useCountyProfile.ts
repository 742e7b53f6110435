/**
 * The county's profile in the page: read from main at start (main keeps the copy imported once), imported
 * through main's dialog, removed on request. The checker, the outlines and new reports use it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CountyProfile } from '../../core/profile/model';

export interface CountyProfileState {
  profile: CountyProfile | null;
  /** How the profile is shown: its 审核单位, else 县里的配置. */
  name: string;
  importProfile(): Promise<void>;
  removeProfile(): Promise<void>;
}

/** Main validated the file against the profile's schema (rule ids included) before handing it over. */
const asProfile = (value: { profile: unknown; name: string } | null) => (value ? { profile: value.profile as CountyProfile, name: value.name } : { profile: null, name: '' });

export function useCountyProfile(onError: (text: string) => void, onInfo: (text: string) => void): CountyProfileState {
  const [state, setState] = useState<{ profile: CountyProfile | null; name: string }>({ profile: null, name: '' });
  useEffect(() => {
    void window.nianbao.countyProfile().then((answer) => (answer.ok ? setState(asProfile(answer.value)) : onError(answer.error)));
    // Read once at start; an import or removal updates it here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const importProfile = useCallback(async () => {
    const answer = await window.nianbao.importCountyProfile();
    if (!answer.ok) return onError(answer.error);
    if (!answer.value) return;
    setState(asProfile(answer.value));
    onInfo(`已导入“${answer.value.name}”的配置：检查、提纲和新建的报告都按县里的要求。`);
  }, [onError, onInfo]);
  const removeProfile = useCallback(async () => {
    const answer = await window.nianbao.removeCountyProfile();
    if (!answer.ok) return onError(answer.error);
    setState({ profile: null, name: '' });
    onInfo('已移除县里的配置，检查恢复为通用标准。');
  }, [onError, onInfo]);
  return { ...state, importProfile, removeProfile };
}
