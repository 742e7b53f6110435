/**
 * The county's profile in the page: read from main at start (main keeps the copy imported once), imported
 * through main's dialog, removed on request. The checker, the outlines and new reports use it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CountyProfile } from '../../core/profile/model';
import type { Call } from '../api';

export interface CountyProfileState {
  profile: CountyProfile | null;
  /** How the profile is shown: its 审核单位, else 县里的配置. */
  name: string;
  importProfile(): Promise<void>;
  removeProfile(): Promise<void>;
}

/** Main validated the file against the profile's schema (rule ids included) before handing it over. */
const asProfile = (value: { profile: unknown; name: string } | null) =>
  value ? { profile: value.profile as CountyProfile, name: value.name } : { profile: null, name: '' };

export function useCountyProfile(call: Call, onInfo: (text: string) => void): CountyProfileState {
  const [state, setState] = useState<{ profile: CountyProfile | null; name: string }>({ profile: null, name: '' });
  useEffect(() => {
    void call('countyProfile').then((value) => value !== undefined && setState(asProfile(value)));
    // Read once at start; an import or removal updates it here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const importProfile = useCallback(async () => {
    const imported = await call('importCountyProfile');
    if (!imported) return;
    setState(asProfile(imported));
    onInfo(`已导入“${imported.name}”的配置：检查、提纲和新建的报告都按县里的要求。`);
  }, [call, onInfo]);
  const removeProfile = useCallback(async () => {
    const removed = await call('removeCountyProfile');
    if (removed === undefined) return;
    setState({ profile: null, name: '' });
    onInfo('已移除县里的配置，检查恢复为通用标准。');
  }, [call, onInfo]);
  return { ...state, importProfile, removeProfile };
}
