--------------------------------- MODULE HTML ---------------------------------
(***************************************************************************)
(* Building HTML pages as strings (for ALIAS visualisations). The two      *)
(* string helpers are computed natively; everything else is defined from   *)
(* them.                                                                   *)
(***************************************************************************)
LOCAL INSTANCE Sequences
LOCAL INSTANCE SequencesExt

\* string with each <<old, new>> of args replacing the first occurrence of old, in order.
StringFill(string, args) == FoldLeft(LAMBDA str, p : ReplaceFirstSubSeq(p[2], p[1], str), string, args)
  \* native

\* The strings of the sequence joined by separator (empty strings are skipped at the front).
StringSeqToString(string_seq, separator) ==
  FoldLeft(LAMBDA acc, str : IF acc = "" THEN str ELSE acc \o separator \o str, "", string_seq)
  \* native

LOCAL Lines(seq) == StringSeqToString(seq, "\n")

LOCAL Fill1(template, key, value) == StringFill(template, <<<<key, value>>>>)

HTMLDocument(header, body, list_of_scripts) ==
  Lines(<<"<!DOCTYPE html>", "<html>", header, body, Lines(list_of_scripts), "</html>">>)

HTMLClass(classname, attribute_list) ==
  Lines(<<Fill1("%classname% {", "%classname%", classname), Lines(attribute_list), "}">>)

HTMLAttribute(name, value) == StringFill("%name%: %value%;", <<<<"%name%", name>>, <<"%value%", value>>>>)

HTMLDefaultStyle ==
  Lines(<<HTMLClass(".default_grid", <<HTMLAttribute("display", "grid")>>),
          HTMLClass(".default_box", <<HTMLAttribute("border", "1px solid black")>>),
          HTMLClass(".default_circle", <<HTMLAttribute("border-radius", "50%")>>)>>)

HTMLStyleSheet(class_list) ==
  Lines(<<"<style type=\"text/css\">", HTMLDefaultStyle, Lines(class_list), "</style>">>)

HTMLScriptFile(name) == Fill1("<script src=\"%name%\"></script>", "%name%", name)

HTMLScript(children) == Lines(<<"<script>", Lines(children), "</script>">>)

HTMLLink(name, type) ==
  StringFill("<link href=\"%name%\" rel=\"%type%\"/>", <<<<"%name%", name>>, <<"%type%", type>>>>)

HTMLHeader(title, list_of_links, class_list) ==
  Lines(<<"<head>", "<meta charset=\"UTF-8\">", Fill1("<title>%title%</title>", "%title%", title),
          Lines(list_of_links), HTMLStyleSheet(class_list), "</head>">>)

HTMLBody(body) == Lines(<<"<body>", body, "</body>">>)

HTMLFrame(id, children) == Lines(<<Fill1("<div id=\"%id%\">", "%id%", id), Lines(children), "</div>">>)

HTMLGridContainer(id, class_list, children) ==
  Lines(<<StringFill("<div id=\"%id%\" class=\"default_grid %class_list%\">",
                     <<<<"%id%", id>>, <<"%class_list%", StringSeqToString(class_list, " ")>>>>),
          Lines(children), "</div>">>)

HTMLBox(id, class_list, size, children) ==
  Lines(<<StringFill("<div id=\"%id%\" class=\"default_box %class_list%\" style=\"%size%\">",
                     <<<<"%id%", id>>, <<"%class_list%", StringSeqToString(class_list, " ")>>,
                       <<"%size%", size>>>>),
          Lines(children), "</div>">>)

HTMLCircle(id, class_list, size, children) == HTMLBox(id, <<"default_circle">> \o class_list, size, children)

HTMLText(id, text) == Lines(<<Fill1("<span id=\"%id%\">", "%id%", id), text, "</span>">>)

HTMLSVG(id, viewBox, size, svgString) ==
  Lines(<<StringFill("<svg id=\"%id%\" viewBox=\"%viewBox%\" style=\"%size%\">",
                     <<<<"%id%", id>>, <<"%viewBox%", viewBox>>, <<"%size%", size>>>>),
          svgString, "</svg>">>)

HTMLSize(width, height) ==
  StringSeqToString(<<HTMLAttribute("width", width), HTMLAttribute("height", height)>>, " ")

HTMLNewLine == "<br>"

HTMLFlexCenterAttributes ==
  Lines(<<HTMLAttribute("display", "flex"), HTMLAttribute("align-items", "center"),
          HTMLAttribute("justify-content", "center")>>)

HTMLJSLineElems(fromID, destID) ==
  StringFill("document.getElementById(\"%id1%\"), document.getElementById(\"%id2%\")",
             <<<<"%id1%", fromID>>, <<"%id2%", destID>>>>)

HTMLJSLine(fromID, destID, color, size) ==
  StringFill("new LeaderLine(%elems%, {color: '%color%', size: %size%})",
             <<<<"%elems%", HTMLJSLineElems(fromID, destID)>>, <<"%color%", color>>, <<"%size%", size>>>>)

HTMLJSLineDash(fromID, destID, color, size) ==
  StringFill("new LeaderLine(%elems%,  {color: '%color%', size: %size%, dash: true})",
             <<<<"%elems%", HTMLJSLineElems(fromID, destID)>>, <<"%color%", color>>, <<"%size%", size>>>>)

HTMLJSKeyListener(events) ==
  Lines(<<"window.onkeyup = function(event) {", "let key = event.key.toUpperCase();", Lines(events), "}">>)

HTMLJSNavigationKey(key, file) ==
  Lines(<<Fill1("if(key == '%key%'){", "%key%", key),
          Fill1("window.location.replace(\"%file%\");", "%file%", file), "}">>)

=============================================================================
