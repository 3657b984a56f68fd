<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="113"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="114"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="115"/>
        <source>Info</source>
        <translation>情報</translation>
    </message>
</context>
<context>
    <name>DiagramArea</name>
    <message>
        <location filename="../../xviz/ui/diagram_area.py" line="272"/>
        <source>Architecture</source>
        <translation>構成図</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagram_area.py" line="273"/>
        <source>Sequence</source>
        <translation>シーケンス図</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagram_area.py" line="275"/>
        <source>Open a scenario to see its diagrams here.</source>
        <translation>シナリオを開くと、ここに図が表示されます。</translation>
    </message>
</context>
<context>
    <name>EditHistory</name>
    <message>
        <location filename="../../xviz/ui/edit_history.py" line="66"/>
        <source>Edit policy</source>
        <translation>ポリシーの編集</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/edit_history.py" line="73"/>
        <source>Switch a what-if</source>
        <translation>「もしも」の切り替え</translation>
    </message>
</context>
<context>
    <name>ExerciseMode</name>
    <message>
        <location filename="../../xviz/ui/exercise_mode.py" line="61"/>
        <source>your last change cannot be evaluated yet.</source>
        <translation>最後の変更はまだ評価できません。</translation>
    </message>
</context>
<context>
    <name>ExercisePanel</name>
    <message>
        <location filename="../../xviz/ui/exercise_panel.py" line="84"/>
        <source>Exercise</source>
        <translation>演習</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/exercise_panel.py" line="88"/>
        <source>The checks cannot run yet: {0}</source>
        <translation>チェックをまだ実行できません: {0}</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/exercise_panel.py" line="90"/>
        <source>now: {0}</source>
        <translation>現在: {0}</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/exercise_panel.py" line="100"/>
        <source>★ Solved: every check holds.</source>
        <translation>★ 解決しました: すべてのチェックが満たされています。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/exercise_panel.py" line="102"/>
        <source>Least-privilege score {0} (actions {1}, wildcards {2}, statements {3}); par {4}: fewer is better.</source>
        <translation>最小権限スコア {0}（アクション {1}、ワイルドカード {2}、ステートメント {3}）、基準 {4}: 少ないほど良い結果です。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/exercise_panel.py" line="111"/>
        <source>Hint {0} of {1}: {2}</source>
        <translation>ヒント {0} / {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/exercise_panel.py" line="114"/>
        <source>Show a hint</source>
        <translation>ヒントを表示</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/exercise_panel.py" line="114"/>
        <source>Next hint</source>
        <translation>次のヒント</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/exercise_panel.py" line="116"/>
        <source>Show solution</source>
        <translation>解答を表示</translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="158"/>
        <source>Why:</source>
        <translation>理由:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="140"/>
        <source>Your last change cannot be evaluated yet: this is the verdict from before it.</source>
        <translation>直前の変更はまだ評価できません。表示しているのは変更前の判定です。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="75"/>
        <source>What if: {0}</source>
        <translation>もしも：{0}</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="148"/>
        <source>What changed:</source>
        <translation>変わったこと：</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="151"/>
        <source>Notes:</source>
        <translation>補足：</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="153"/>
        <source>Who am I now:</source>
        <translation>現在の自分は：</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="155"/>
        <source>The same call with the AWS CLI:</source>
        <translation>AWS CLI で同じ呼び出しをするには：</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="163"/>
        <source>Stage {0} of {1}: {2}</source>
        <translation>段階 {0} / {1}：{2}</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="166"/>
        <source>This stage decided the outcome of the step.</source>
        <translation>この段階でステップの結果が決まりました。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="169"/>
        <source>Statements looked at (✓ matches, ✗ does not):</source>
        <translation>調べたステートメント（✓ 一致、✗ 不一致）:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="175"/>
        <source>No statement takes part in this stage.</source>
        <translation>この段階で調べるステートメントはありません。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="176"/>
        <source>All stages, in the order AWS evaluates them:</source>
        <translation>AWS が評価する順に並べた全段階:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="179"/>
        <source>decided here</source>
        <translation>ここで決定</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="184"/>
        <source>allows</source>
        <translation>許可</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="184"/>
        <source>denies</source>
        <translation>拒否</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="184"/>
        <source>no Allow</source>
        <translation>許可なし</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/explanation_panel.py" line="185"/>
        <source>does not apply</source>
        <translation>対象外</translation>
    </message>
</context>
<context>
    <name>FlowPanel</name>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="365"/>
        <source>Inside this step:</source>
        <translation>このステップの評価:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="367"/>
        <source>the stages appear after your prediction</source>
        <translation>段階は予測の後に表示されます</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="369"/>
        <source>no policy evaluation to step through</source>
        <translation>段階を追えるポリシー評価はありません</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="371"/>
        <source>{0} stages, press Alt+Down to go through them</source>
        <translation>全 {0} 段階。Alt+Down で順に見られます</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="373"/>
        <source>stage {0} of {1}: {2}</source>
        <translation>段階 {0} / {1}：{2}</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="375"/>
        <source>decided here</source>
        <translation>ここで決定</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="380"/>
        <source>Step {0} of {1}</source>
        <translation>ステップ {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="434"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="434"/>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="437"/>
        <source>Flow:</source>
        <translation>フロー:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="438"/>
        <source>What if:</source>
        <translation>もしも:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="440"/>
        <source>Speed:</source>
        <translation>速度:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="441"/>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="441"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="442"/>
        <source>Steps of the flow</source>
        <translation>フローのステップ</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="443"/>
        <source>Try a step of your own</source>
        <translation>自分でステップを試す</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="444"/>
        <source>First step</source>
        <translation>最初のステップ</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="445"/>
        <source>Previous step</source>
        <translation>前のステップ</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="446"/>
        <source>Next step</source>
        <translation>次のステップ</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="447"/>
        <source>Last step</source>
        <translation>最後のステップ</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="448"/>
        <source>Previous stage of this evaluation (Alt+Up)</source>
        <translation>評価の前の段階 (Alt+Up)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/flow_panel.py" line="449"/>
        <source>Next stage of this evaluation (Alt+Down)</source>
        <translation>評価の次の段階 (Alt+Down)</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../xviz/ui/home.py" line="262"/>
        <source>See how AWS accounts reach each other, one request at a time.</source>
        <translation>AWS アカウント同士がどうつながるのかを、リクエストを一つずつ追って確かめましょう。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="263"/>
        <source>Bundled scenarios</source>
        <translation>収録シナリオ</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="264"/>
        <location filename="../../xviz/ui/home.py" line="265"/>
        <source>Exercises</source>
        <translation>演習</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="266"/>
        <source>Go to the exercises</source>
        <translation>演習へ移動</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="267"/>
        <source>Start</source>
        <translation>はじめる</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="268"/>
        <source>Open a scenario file…</source>
        <translation>シナリオファイルを開く…</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="269"/>
        <source>Start from a blank template</source>
        <translation>空のテンプレートから始める</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="270"/>
        <source>You can also drop a scenario file (.yaml) anywhere on this window.</source>
        <translation>シナリオファイル（.yaml）をこのウィンドウにドロップしても開けます。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="271"/>
        <source>Recent files</source>
        <translation>最近使ったファイル</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="272"/>
        <source>No recent files yet.</source>
        <translation>最近使ったファイルはまだありません。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="273"/>
        <source>No bundled scenarios were found.</source>
        <translation>収録シナリオが見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="308"/>
        <source>{0} of {1} solved</source>
        <translation>{1} 問中 {0} 問を解決済み</translation>
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
        <location filename="../../xviz/ui/main_window.py" line="176"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="177"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="178"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="179"/>
        <source>F&amp;low</source>
        <translation>フロー(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="180"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="181"/>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="183"/>
        <source>&amp;Home</source>
        <translation>ホーム(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="183"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="184"/>
        <source>&amp;New from Blank Template</source>
        <translation>空のテンプレートから新規作成(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="184"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="185"/>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="185"/>
        <source>&amp;Export Diagram…</source>
        <translation>図をエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="186"/>
        <source>Export &amp;Walkthrough…</source>
        <translation>ウォークスルーをエクスポート(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="187"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="187"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="187"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="188"/>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="188"/>
        <source>&amp;Fit Diagram to Window</source>
        <translation>図をウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="189"/>
        <source>&amp;Presenter Mode</source>
        <translation>プレゼンターモード(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="190"/>
        <source>&amp;First Step</source>
        <translation>最初のステップ(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="191"/>
        <source>&amp;Previous Step</source>
        <translation>前のステップ(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="191"/>
        <source>&amp;Next Step</source>
        <translation>次のステップ(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="192"/>
        <source>&amp;Last Step</source>
        <translation>最後のステップ(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="192"/>
        <source>Play / &amp;Pause</source>
        <translation>再生 / 一時停止(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="193"/>
        <source>Next S&amp;tage Inside the Step</source>
        <translation>ステップ内の次の段階(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="194"/>
        <source>Previous St&amp;age Inside the Step</source>
        <translation>ステップ内の前の段階(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="195"/>
        <source>&amp;About xviz</source>
        <translation>xviz について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="196"/>
        <source>P&amp;redict the Verdict</source>
        <translation>判定を予測(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="197"/>
        <source>Pro&amp;jector View</source>
        <translation>プロジェクター表示(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="221"/>
        <source>Open a scenario</source>
        <translation>シナリオを開く</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="222"/>
        <source>Scenarios (*.yaml *.yml);;All files (*)</source>
        <translation>シナリオ (*.yaml *.yml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="243"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="308"/>
        <source>Home</source>
        <translation>ホーム</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="339"/>
        <source>Save the scenario as</source>
        <translation>シナリオに名前を付けて保存</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="340"/>
        <source>Scenarios (*.yaml *.yml)</source>
        <translation>シナリオ (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="355"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="355"/>
        <source>The file could not be saved:</source>
        <translation>ファイルを保存できませんでした:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="380"/>
        <source>There is no diagram to export yet.</source>
        <translation>エクスポートできる図はまだありません。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="382"/>
        <source>Export the diagram</source>
        <translation>図をエクスポート</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="383"/>
        <source>SVG image (*.svg);;PNG image (*.png)</source>
        <translation>SVG 画像 (*.svg);;PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="379"/>
        <location filename="../../xviz/ui/main_window.py" line="411"/>
        <location filename="../../xviz/ui/main_window.py" line="432"/>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="189"/>
        <source>Account &amp;Tree</source>
        <translation>アカウントツリー(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="412"/>
        <source>The diagram could not be exported:</source>
        <translation>図をエクスポートできませんでした:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="419"/>
        <source>Export the walkthrough</source>
        <translation>ウォークスルーのエクスポート</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="420"/>
        <source>Web page (*.html);;PDF (*.pdf)</source>
        <translation>Web ページ (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="433"/>
        <source>The walkthrough could not be written:</source>
        <translation>ウォークスルーを書き出せませんでした:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="443"/>
        <source>No recent files yet.</source>
        <translation>最近使ったファイルはまだありません。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="451"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="452"/>
        <source>This scenario has changes that are not saved. Discard them?</source>
        <translation>このシナリオには保存していない変更があります。破棄しますか？</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="478"/>
        <source>About xviz</source>
        <translation>xviz について</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/main_window.py" line="479"/>
        <source>xviz shows how AWS accounts reach each other: a real IAM evaluation engine, scenarios and diagrams, step by step.</source>
        <translation>xviz は AWS アカウント同士がどうつながるのかを、本物の IAM 評価エンジンとシナリオと図で、一歩ずつ見せるツールです。</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../xviz/ui/workbench.py" line="71"/>
        <source>Your last change cannot be evaluated yet, so the verdicts shown are from before it. Nothing you typed is lost.</source>
        <translation>最後の変更はまだ評価できないため、表示中の判定は変更前のものです。入力した内容は失われていません。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/workbench.py" line="75"/>
        <source>This scenario could not be read completely: everything that could be read is shown. Fix the problem below (a policy can be fixed in its editor); the scenario is evaluated as soon as it loads.</source>
        <translation>このシナリオはすべてを読み込めませんでした。読み込めた部分を表示しています。下の問題を修正してください（ポリシーはエディターで修正できます）。読み込めるようになるとすぐに評価されます。</translation>
    </message>
</context>
<context>
    <name>PolicyTabs</name>
    <message>
        <location filename="../../xviz/ui/policy_tabs.py" line="178"/>
        <source>Problems ({count})</source>
        <translation>問題 ({count} 件)</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/policy_tabs.py" line="179"/>
        <source>No problems</source>
        <translation>問題はありません</translation>
    </message>
</context>
<context>
    <name>PredictBar</name>
    <message>
        <location filename="../../xviz/ui/predict_bar.py" line="76"/>
        <source>Predict the verdict</source>
        <translation>判定を予測</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/predict_bar.py" line="78"/>
        <source>The room&apos;s prediction:</source>
        <translation>会場の予測:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/predict_bar.py" line="78"/>
        <source>Your prediction:</source>
        <translation>あなたの予測:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/predict_bar.py" line="91"/>
        <source>✓ Right: {0}.</source>
        <translation>✓ 正解: {0}。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/predict_bar.py" line="93"/>
        <source>✗ Not this time: predicted {0}, the verdict is {1}.</source>
        <translation>✗ 不正解: 予測は {0}、判定は {1} です。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/predict_bar.py" line="99"/>
        <source>{0} of {1} predicted right</source>
        <translation>{1} 問中 {0} 問正解</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/predict_bar.py" line="101"/>
        <source>Reset tally</source>
        <translation>集計をリセット</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="169"/>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="173"/>
        <source>Policy</source>
        <translation>ポリシー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="170"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="171"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/diagnostics.py" line="172"/>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
</context>
<context>
    <name>Projector</name>
    <message>
        <location filename="../../xviz/ui/projector.py" line="159"/>
        <source>What if:</source>
        <translation>もしも:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/projector.py" line="167"/>
        <source>Step {0} of {1}</source>
        <translation>ステップ {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/projector.py" line="171"/>
        <source>Stage {0} of {1}: {2}</source>
        <translation>段階 {0} / {1}：{2}</translation>
    </message>
</context>
<context>
    <name>RequestEditor</name>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="107"/>
        <source>user</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="107"/>
        <source>role session</source>
        <translation>ロールのセッション</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="107"/>
        <source>service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="108"/>
        <source>account root user</source>
        <translation>アカウントのルートユーザー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="108"/>
        <source>account, through a resource share</source>
        <translation>アカウント（リソース共有を通じて）</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="109"/>
        <source>anonymous caller</source>
        <translation>匿名の呼び出し元</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="146"/>
        <source>This request cannot be evaluated:</source>
        <translation>このリクエストは評価できません:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="172"/>
        <source>Your own request, evaluated with the policies as they are now (edits and what-ifs included). The file is not changed.</source>
        <translation>自分で作ったリクエストを、いまのポリシー（編集と「もしも」を含む）で評価します。ファイルは変更しません。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="174"/>
        <source>Who:</source>
        <translation>誰が:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="175"/>
        <source>Action:</source>
        <translation>アクション:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="176"/>
        <source>Target:</source>
        <translation>対象:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="177"/>
        <source>Object key:</source>
        <translation>オブジェクトキー:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="178"/>
        <source>optional, e.g. reports/2024.csv</source>
        <translation>省略可。例: reports/2024.csv</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="179"/>
        <source>External ID:</source>
        <translation>外部 ID:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="180"/>
        <source>optional, for sts:AssumeRole</source>
        <translation>省略可。sts:AssumeRole 用</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="181"/>
        <source>Source IP:</source>
        <translation>送信元 IP:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="182"/>
        <source>optional, e.g. 203.0.113.10</source>
        <translation>省略可。例: 203.0.113.10</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="183"/>
        <source>Region:</source>
        <translation>リージョン:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="184"/>
        <source>optional, e.g. ap-northeast-1</source>
        <translation>省略可。例: ap-northeast-1</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/request_editor.py" line="185"/>
        <source>Evaluate</source>
        <translation>評価する</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../../xviz/ui/review_tab.py" line="99"/>
        <source>Who can…? / Reach from…</source>
        <translation>誰が実行できるか / 到達できるロール</translation>
    </message>
</context>
<context>
    <name>ScenarioCardWidget</name>
    <message>
        <location filename="../../xviz/ui/home.py" line="92"/>
        <source>This file could not be read.</source>
        <translation>このファイルは読み込めませんでした。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="93"/>
        <source>Line {0}, column {1}</source>
        <translation>{0} 行 {1} 列</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="101"/>
        <source>1 flow</source>
        <translation>フロー 1 件</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="101"/>
        <source>{0} flows</source>
        <translation>フロー {0} 件</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="102"/>
        <source>1 step</source>
        <translation>ステップ 1 件</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="102"/>
        <source>{0} steps</source>
        <translation>ステップ {0} 件</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="106"/>
        <source>not solved yet</source>
        <translation>未解決</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="108"/>
        <source>✓ solved</source>
        <translation>✓ 解決済み</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="110"/>
        <source>✓ solved, best score {0}</source>
        <translation>✓ 解決済み、最高スコア {0}</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="116"/>
        <source>Beginner</source>
        <translation>初級</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="117"/>
        <source>Intermediate</source>
        <translation>中級</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/home.py" line="118"/>
        <source>Advanced</source>
        <translation>上級</translation>
    </message>
</context>
<context>
    <name>ScenarioDiagrams</name>
    <message>
        <location filename="../../xviz/ui/scenario_diagrams.py" line="123"/>
        <source>The diagrams appear as soon as the scenario loads: fix the problem shown above.</source>
        <translation>シナリオを読み込めるようになると図が表示されます。上に示した問題を修正してください。</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/scenario_diagrams.py" line="133"/>
        <source>This diagram could not be drawn:</source>
        <translation>この図は描画できませんでした:</translation>
    </message>
</context>
<context>
    <name>ScenarioDocument</name>
    <message>
        <location filename="../../xviz/ui/scenario_document.py" line="62"/>
        <source>Show solution</source>
        <translation>解答を表示</translation>
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
    <name>SourceCharts</name>
    <message>
        <location filename="../../xviz/ui/source_charts.py" line="75"/>
        <source>Source charts</source>
        <translation>元資料の図</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/source_charts.py" line="156"/>
        <source>Chart:</source>
        <translation>図:</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/source_charts.py" line="157"/>
        <source>This chart could not be read. The place in the scenario file (line and column) and the reason:</source>
        <translation>この図は読み込めませんでした。シナリオファイル内の場所 (行と列) と理由:</translation>
    </message>
</context>
<context>
    <name>StoryView</name>
    <message>
        <location filename="../../xviz/ui/story_view.py" line="77"/>
        <source>Story</source>
        <translation>ストーリー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/story_view.py" line="97"/>
        <source>The flow on show</source>
        <translation>表示中のフロー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/story_view.py" line="100"/>
        <source>The scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/story_view.py" line="103"/>
        <source>Another flow</source>
        <translation>ほかのフロー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/story_view.py" line="105"/>
        <source>This scenario tells no story.</source>
        <translation>このシナリオには説明がありません。</translation>
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
        <location filename="../../xviz/ui/verdicts.py" line="15"/>
        <source>Not reached</source>
        <translation>到達しない</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/verdicts.py" line="16"/>
        <source>? Predict</source>
        <translation>? 予測</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/verdicts.py" line="18"/>
        <source>Not evaluated</source>
        <translation>未評価</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/verdicts.py" line="22"/>
        <source>Expected: {0}</source>
        <translation>想定: {0}</translation>
    </message>
</context>
<context>
    <name>Walkthrough</name>
    <message>
        <location filename="../../xviz/ui/walkthrough_export.py" line="35"/>
        <source>The scenario cannot be evaluated:</source>
        <translation>シナリオを評価できません:</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <location filename="../../xviz/ui/workbench.py" line="417"/>
        <source> (the role&apos;s trust policy)</source>
        <translation>（ロールの信頼ポリシー）</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/workbench.py" line="511"/>
        <source>Walk through an answer as steps</source>
        <translation>回答をステップとしてたどる</translation>
    </message>
</context>
<context>
    <name>WorldTree</name>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="19"/>
        <source>Service control policies (SCPs)</source>
        <translation>サービスコントロールポリシー（SCP）</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="20"/>
        <source>Resource control policies (RCPs)</source>
        <translation>リソースコントロールポリシー（RCP）</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="21"/>
        <source>AWS service principals</source>
        <translation>AWS サービスプリンシパル</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="22"/>
        <source>Trust policy</source>
        <translation>信頼ポリシー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="23"/>
        <source>Resource-based policy</source>
        <translation>リソースベースのポリシー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="32"/>
        <source>Organization</source>
        <translation>組織</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="33"/>
        <source>Organizational unit</source>
        <translation>組織単位（OU）</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="34"/>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="35"/>
        <source>IAM user</source>
        <translation>IAM ユーザー</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="36"/>
        <source>IAM role</source>
        <translation>IAM ロール</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="37"/>
        <source>Resource</source>
        <translation>リソース</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="38"/>
        <source>AWS service</source>
        <translation>AWS サービス</translation>
    </message>
    <message>
        <location filename="../../xviz/ui/world_tree.py" line="39"/>
        <source>Policy</source>
        <translation>ポリシー</translation>
    </message>
</context>
</TS>
