; Included by electron-builder's NSIS installer (electron-builder.yml, nsis.include).
;
; Word, WPS and text files: 法治年报助手 appears in Explorer's 打开方式 (Open with) list for them and opens
; them through 导入, but never becomes their default program. electron-builder's own fileAssociations would
; write each extension's default ProgID (taking Word's place), so these are written here instead, as
; Windows documents for an application that is one of several handlers: OpenWithProgids and SupportedTypes.
; SHCTX follows the installer's per-user or per-machine choice.

!macro nianbaoOpenWith EXT
  WriteRegStr SHCTX "Software\Classes\${EXT}\OpenWithProgids" "FazhiNianbao.Import" ""
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" "${EXT}" ""
!macroend

!macro nianbaoNoOpenWith EXT
  DeleteRegValue SHCTX "Software\Classes\${EXT}\OpenWithProgids" "FazhiNianbao.Import"
!macroend

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\FazhiNianbao.Import" "" "用法治年报助手导入"
  WriteRegStr SHCTX "Software\Classes\FazhiNianbao.Import" "FriendlyTypeName" "用法治年报助手导入"
  WriteRegStr SHCTX "Software\Classes\FazhiNianbao.Import\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\FazhiNianbao.Import\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}" "FriendlyAppName" "${PRODUCT_NAME}"
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  !insertmacro nianbaoOpenWith ".docx"
  !insertmacro nianbaoOpenWith ".doc"
  !insertmacro nianbaoOpenWith ".wps"
  !insertmacro nianbaoOpenWith ".txt"
  ; Tell Explorer the associations changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  !insertmacro nianbaoNoOpenWith ".docx"
  !insertmacro nianbaoNoOpenWith ".doc"
  !insertmacro nianbaoNoOpenWith ".wps"
  !insertmacro nianbaoNoOpenWith ".txt"
  DeleteRegKey SHCTX "Software\Classes\FazhiNianbao.Import"
  DeleteRegKey SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
