#include "CFileTree.h"
