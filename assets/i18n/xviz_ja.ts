<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="124"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="125"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="126"/>
        <source>Info</source>
        <translation>情報</translation>
    </message>
</context>
<context>
    <name>DiagramArea</name>
    <message>
        <location filename="../../xviz/ui/diagram_area.py" line="145"/>
        <source>Architecture</source>
        <translation>構成図</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagram_area.py" line="146"/>
        <source>Sequence</source>
        <translation>シーケンス図</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagram_area.py" line="148"/>
        <source>Open a scenario to see its diagrams here.</source>
        <translation>シナリオを開くと、ここに図が表示されます。</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="93"/>
        <source>Why:</source>
        <translation>理由:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="97"/>
        <source>The evaluation engine is not connected yet: badges show what the scenario expects, not a computed verdict.</source>
        <translation>評価エンジンはまだつながっていません。バッジに表示しているのはシナリオが想定する結果で、実際に評価した判定ではありません。</translation>
    </message>
</context>
<context>
    <name>FlowPanel</name>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="245"/>
        <source>Step {0} of {1}</source>
        <translation>ステップ {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="299"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="299"/>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="302"/>
        <source>Flow:</source>
        <translation>フロー:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="303"/>
        <source>What if:</source>
        <translation>もしも:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="305"/>
        <source>Speed:</source>
        <translation>速度:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="306"/>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="306"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="307"/>
        <source>First step</source>
        <translation>最初のステップ</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="308"/>
        <source>Previous step</source>
        <translation>前のステップ</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="309"/>
        <source>Next step</source>
        <translation>次のステップ</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="310"/>
        <source>Last step</source>
        <translation>最後のステップ</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../xviz/ui/home.py" line="218"/>
        <source>See how AWS accounts reach each other, one request at a time.</source>
        <translation>AWS アカウント同士がどうつながるのかを、リクエストを一つずつ追って確かめましょう。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="219"/>
        <source>Bundled scenarios</source>
        <translation>収録シナリオ</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="220"/>
        <source>Start</source>
        <translation>はじめる</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="221"/>
        <source>Open a scenario file…</source>
        <translation>シナリオファイルを開く…</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="222"/>
        <source>Start from a blank template</source>
        <translation>空のテンプレートから始める</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="223"/>
        <source>You can also drop a scenario file (.yaml) anywhere on this window.</source>
        <translation>シナリオファイル（.yaml）をこのウィンドウにドロップしても開けます。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="224"/>
        <source>Recent files</source>
        <translation>最近使ったファイル</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="225"/>
        <source>No recent files yet.</source>
        <translation>最近使ったファイルはまだありません。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="226"/>
        <source>No bundled scenarios were found.</source>
        <translation>収録シナリオが見つかりませんでした。</translation>
    </message>
</context>
<context>
    <name>JsonErrors</name>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="54"/>
        <source>A value is expected here.</source>
        <translation>ここには値が必要です。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="55"/>
        <source>A comma (,) is missing before this.</source>
        <translation>この前にカンマ（,）がありません。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="56"/>
        <source>A colon (:) is expected after the key.</source>
        <translation>キーの後にはコロン（:）が必要です。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="57"/>
        <source>A key in double quotes is expected here (is there a comma too many?).</source>
        <translation>ここにはダブルクォートで囲んだキーが必要です（余分なカンマはありませんか？）。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="59"/>
        <source>This string has no closing double quote.</source>
        <translation>この文字列を閉じるダブルクォートがありません。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="61"/>
        <source>A string cannot contain a line break or tab; write \n or \t.</source>
        <translation>文字列の中に改行やタブは書けません。\n や \t と書いてください。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="63"/>
        <source>There is text after the end of the JSON document.</source>
        <translation>JSON ドキュメントの終わりの後に余分なテキストがあります。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="65"/>
        <source>This backslash escape is not valid JSON.</source>
        <translation>このバックスラッシュのエスケープは JSON では使えません。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="66"/>
        <source>Remove the comma before the closing brace.</source>
        <translation>閉じ波かっこ（}）の前のカンマを削除してください。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="68"/>
        <source>Remove the comma before the closing bracket.</source>
        <translation>閉じ角かっこ（]）の前のカンマを削除してください。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="124"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="125"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="126"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="127"/>
        <source>F&amp;low</source>
        <translation>フロー(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="128"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="129"/>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="131"/>
        <source>&amp;Home</source>
        <translation>ホーム(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="131"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="132"/>
        <source>&amp;New from Blank Template</source>
        <translation>空のテンプレートから新規作成(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="132"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="133"/>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="133"/>
        <source>&amp;Export Diagram…</source>
        <translation>図をエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="134"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="134"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="134"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="135"/>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="135"/>
        <source>&amp;Fit Diagram to Window</source>
        <translation>図をウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="136"/>
        <source>&amp;Presenter Mode</source>
        <translation>プレゼンターモード(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="136"/>
        <source>&amp;First Step</source>
        <translation>最初のステップ(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="137"/>
        <source>&amp;Previous Step</source>
        <translation>前のステップ(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="137"/>
        <source>&amp;Next Step</source>
        <translation>次のステップ(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="138"/>
        <source>&amp;Last Step</source>
        <translation>最後のステップ(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="138"/>
        <source>Play / &amp;Pause</source>
        <translation>再生 / 一時停止(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="139"/>
        <source>&amp;About xviz</source>
        <translation>xviz について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="161"/>
        <source>Open a scenario</source>
        <translation>シナリオを開く</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="162"/>
        <source>Scenarios (*.yaml *.yml);;All files (*)</source>
        <translation>シナリオ (*.yaml *.yml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="184"/>
        <source>Recover unsaved changes</source>
        <translation>未保存の変更の復元</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="185"/>
        <source>xviz found changes to this scenario that were never saved (the app closed unexpectedly). Restore them?</source>
        <translation>このシナリオには保存されなかった変更があります（アプリが予期せず終了しました）。復元しますか？</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="231"/>
        <source>Home</source>
        <translation>ホーム</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="278"/>
        <source>Save the scenario as</source>
        <translation>シナリオに名前を付けて保存</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="279"/>
        <source>Scenarios (*.yaml *.yml)</source>
        <translation>シナリオ (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="289"/>
        <location filename="../../xviz/ui/main_window.py" line="296"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="290"/>
        <source>Saving needs the scenario module, which is not connected yet. Your edits stay in this window until you close it.</source>
        <translation>保存にはシナリオ機能が必要ですが、まだつながっていません。編集内容はこのウィンドウを閉じるまで残ります。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="297"/>
        <source>The file could not be saved:</source>
        <translation>ファイルを保存できませんでした:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="306"/>
        <source>There is no diagram to export yet.</source>
        <translation>エクスポートできる図はまだありません。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="308"/>
        <source>Export the diagram</source>
        <translation>図をエクスポート</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="309"/>
        <source>SVG image (*.svg);;PNG image (*.png)</source>
        <translation>SVG 画像 (*.svg);;PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="305"/>
        <location filename="../../xviz/ui/main_window.py" line="333"/>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="334"/>
        <source>The diagram could not be exported:</source>
        <translation>図をエクスポートできませんでした:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="345"/>
        <source>No recent files yet.</source>
        <translation>最近使ったファイルはまだありません。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="350"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="351"/>
        <source>This scenario has changes that are not saved. Discard them?</source>
        <translation>このシナリオには保存していない変更があります。破棄しますか？</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="377"/>
        <source>About xviz</source>
        <translation>xviz について</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="378"/>
        <source>xviz shows how AWS accounts reach each other: a real IAM evaluation engine, scenarios and diagrams, step by step.</source>
        <translation>xviz は AWS アカウント同士がどうつながるのかを、本物の IAM 評価エンジンとシナリオと図で、一歩ずつ見せるツールです。</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../xviz/ui/workbench.py" line="58"/>
        <source>Your last change cannot be evaluated yet, so the verdicts shown are from before it. Nothing you typed is lost.</source>
        <translation>最後の変更はまだ評価できないため、表示中の判定は変更前のものです。入力した内容は失われていません。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/workbench.py" line="62"/>
        <source>This scenario could not be read completely. Fix the file and open it again; everything that could be read is shown below.</source>
        <translation>このシナリオは一部を読み込めませんでした。ファイルを修正してから開き直してください。読み込めた部分はこのまま表示しています。</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="180"/>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="184"/>
        <source>Policy</source>
        <translation>ポリシー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="181"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="182"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="183"/>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
</context>
<context>
    <name>ScenarioCardWidget</name>
    <message>
        <location filename="../../xviz/ui/home.py" line="73"/>
        <source>This file could not be read.</source>
        <translation>このファイルは読み込めませんでした。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="74"/>
        <source>Line {0}, column {1}</source>
        <translation>{0} 行 {1} 列</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="82"/>
        <source>1 flow</source>
        <translation>フロー 1 件</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="82"/>
        <source>{0} flows</source>
        <translation>フロー {0} 件</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="83"/>
        <source>1 step</source>
        <translation>ステップ 1 件</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="83"/>
        <source>{0} steps</source>
        <translation>ステップ {0} 件</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="89"/>
        <source>Beginner</source>
        <translation>初級</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="90"/>
        <source>Intermediate</source>
        <translation>中級</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="91"/>
        <source>Advanced</source>
        <translation>上級</translation>
    </message>
</context>
<context>
    <name>ScenarioDiagrams</name>
    <message>
        <location filename="../../xviz/ui/scenario_diagrams.py" line="71"/>
        <source>This diagram could not be drawn:</source>
        <translation>この図は描画できませんでした:</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../xviz/ui/settings_dialog.py" line="46"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/settings_dialog.py" line="47"/>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/settings_dialog.py" line="48"/>
        <source>Theme:</source>
        <translation>テーマ:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/settings_dialog.py" line="49"/>
        <source>Font size:</source>
        <translation>文字サイズ:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/settings_dialog.py" line="50"/>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/settings_dialog.py" line="50"/>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/settings_dialog.py" line="56"/>
        <source>Presenter mode (large type for projectors)</source>
        <translation>プレゼンターモード（プロジェクター向けの大きな文字）</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/settings_dialog.py" line="57"/>
        <source>The language can also be chosen for one run with --lang.</source>
        <translation>起動時に --lang を付けると、その回だけ言語を指定できます。</translation>
    </message>
</context>
<context>
    <name>Verdicts</name>
    <message>
        <location filename="../../xviz/ui/verdicts.py" line="11"/>
        <source>Allow</source>
        <translation>許可</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/verdicts.py" line="12"/>
        <source>Explicit deny</source>
        <translation>明示的な拒否</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/verdicts.py" line="13"/>
        <source>Implicit deny</source>
        <translation>暗黙的な拒否</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/verdicts.py" line="14"/>
        <source>Invalid request</source>
        <translation>無効なリクエスト</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/verdicts.py" line="16"/>
        <source>Not evaluated</source>
        <translation>未評価</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/verdicts.py" line="20"/>
        <source>Expected: {0}</source>
        <translation>想定: {0}</translation>
    </message>
</context>
<context>
    <name>WorldTree</name>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="17"/>
        <source>Service control policies (SCPs)</source>
        <translation>サービスコントロールポリシー（SCP）</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="18"/>
        <source>Resource control policies (RCPs)</source>
        <translation>リソースコントロールポリシー（RCP）</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="19"/>
        <source>AWS service principals</source>
        <translation>AWS サービスプリンシパル</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="20"/>
        <source>Trust policy</source>
        <translation>信頼ポリシー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="21"/>
        <source>Resource-based policy</source>
        <translation>リソースベースのポリシー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="28"/>
        <source>Organization</source>
        <translation>組織</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="29"/>
        <source>Organizational unit</source>
        <translation>組織単位（OU）</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="30"/>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="31"/>
        <source>IAM user</source>
        <translation>IAM ユーザー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="32"/>
        <source>IAM role</source>
        <translation>IAM ロール</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="33"/>
        <source>Resource</source>
        <translation>リソース</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="34"/>
        <source>AWS service</source>
        <translation>AWS サービス</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="35"/>
        <source>Policy</source>
        <translation>ポリシー</translation>
    </message>
</context>
</TS>
