"""The floor: a bare PySide6 program that shows a tray icon with a 20-action menu and nothing else, but
stays up so the benchmark can see the icon embedded, read its RSS
and count its idle wake-ups exactly as it does for the app. Stopped with SIGTERM."""

import sys

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

app = QApplication(sys.argv[:1])
pm = QPixmap(32, 32)
pm.fill(QColor("red"))
tray = QSystemTrayIcon(QIcon(pm))
menu = QMenu()
for i in range(20):
    menu.addAction(f"Action {i}")
tray.setContextMenu(menu)
tray.show()
sys.exit(app.exec())
