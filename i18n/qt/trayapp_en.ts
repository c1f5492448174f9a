<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>menu</name>
    <message numerus="yes">
        <source>Keep %n min longer</source>
        <translation>
            <numerusform>Keep %n min longer</numerusform>
            <numerusform>Keep %n min longer</numerusform>
        </translation>
    </message>
</context>
</TS>
