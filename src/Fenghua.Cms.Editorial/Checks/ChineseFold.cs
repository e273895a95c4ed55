namespace Fenghua.Cms.Editorial.Checks;

/// <summary>
/// Folds text one character for one character (so offsets stay valid): full-width ASCII to half-width,
/// traditional to simplified for a small built-in table of common characters, letters to lower case.
/// </summary>
public static class ChineseFold
{
    // Traditional → simplified, pairs of characters; common in official and sensitive wording.
    private const string Pairs =
        "國国會会說说話话語语車车門门們们問问間间聞闻開开關关頭头體体個个來来時时對对發发經经點点電电黨党員员務务" +
        "機机構构區区縣县鄉乡鎮镇幹干會会議议決决權权責责義义與与為为無无產产業业東东亞亚歐欧軍军戰战爭争" +
        "動动亂乱獨独殺杀槍枪彈弹賭赌騙骗錢钱財财貸贷敗败賄贿賂赂貪贪實实現现場场報报紙纸" +
        "網网絡络視视聽听講讲讀读寫写書书畫画圖图傳传導导標标準准質质檢检驗验證证據据險险鬥斗衛卫藥药醫医" +
        "療疗養养飯饭館馆號号碼码達达過过還还進进這这邊边遠远運运連连選选邊边鄧邓澤泽習习錦锦濤涛輪轮" +
        "內内資资請请牆墙軟软係系裡里麼么樣样紅红綠绿藍蓝黃黄龍龙鳳凤馬马魚鱼鳥鸟萬万億亿兩两層层當当費费資资優优學学師师氣气華华滿满灣湾臺台";

    private static readonly Dictionary<char, char> TraditionalToSimplified = Build();

    private static Dictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Pairs.Length; i += 2) map[Pairs[i]] = Pairs[i + 1];
        return map;
    }

    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
        else if (c == '\u3000') c = ' ';
        if (TraditionalToSimplified.TryGetValue(c, out var s)) c = s;
        return char.ToLowerInvariant(c);
    }

    public static string Fold(string text) => string.Create(text.Length, text, (span, t) =>
    {
        for (var i = 0; i < t.Length; i++) span[i] = Fold(t[i]);
    });
}
